import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { BURN_WINDOWS, DEFAULT_SLO, evaluateBurnRate, resolveSlo } from '@kuzet/detection';
import type { BurnAlert, BurnWindow } from '@kuzet/detection';
import { Gauge, Registry } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry.service';
import { UptimeRepository } from './uptime.repository';
import type { UptimeSystem } from './uptime.repository';

export interface SystemSlo {
  code: string;
  slo: number;
  burn_rates: Record<BurnWindow, number>;
  alerts: BurnAlert[];
  page: boolean;
  ticket: boolean;
}

export const SLO_REFRESH_INTERVAL_MS = 60_000;

/** slo_target is a percentage (99.9); the evaluator wants a fraction (0.999). */
export function sloFraction(percent: number | null): number {
  return resolveSlo(percent === null ? null : percent / 100, DEFAULT_SLO);
}

type BurnGauge = Gauge<'system' | 'window'>;

/** The burn-rate gauge of one registry (reused when the registry has it already). */
function burnGauge(registry: Registry): BurnGauge {
  return (
    (registry.getSingleMetric('kuzet_slo_burn_rate') as BurnGauge | undefined) ??
    new Gauge({
      name: 'kuzet_slo_burn_rate',
      help: 'SLO error-budget burn rate per system and window (1 = burning exactly the budget)',
      labelNames: ['system', 'window'],
      registers: [registry],
    })
  );
}

@Injectable()
export class SloService {
  private readonly logger = new Logger(SloService.name);
  /** Every system's burn rates; the public twin holds public systems only (MetricsRegistry). */
  private readonly gauge: BurnGauge;
  private readonly publicGauge: BurnGauge;

  constructor(
    private readonly repo: UptimeRepository,
    metrics: MetricsRegistry,
  ) {
    this.gauge = burnGauge(metrics.registry);
    this.publicGauge = burnGauge(metrics.publicRegistry);
  }

  async system(code: string, now = Date.now()): Promise<SystemSlo> {
    const system = await this.repo.systemByCode(code);
    if (!system) throw new NotFoundException(`system ${code} not found`);
    return (await this.evaluate([system], now))[0];
  }

  /** Every enabled system; also refreshes the kuzet_slo_burn_rate gauges. */
  async list(now = Date.now()): Promise<SystemSlo[]> {
    const systems = await this.repo.enabledSystems();
    const result = await this.evaluate(systems, now);
    const isPublic = new Set(systems.filter((s) => s.isPublic).map((s) => s.code));
    this.gauge.reset();
    this.publicGauge.reset();
    for (const s of result)
      for (const w of BURN_WINDOWS) {
        this.gauge.set({ system: s.code, window: w }, s.burn_rates[w]);
        if (isPublic.has(s.code)) this.publicGauge.set({ system: s.code, window: w }, s.burn_rates[w]);
      }
    return result;
  }

  @Interval(SLO_REFRESH_INTERVAL_MS)
  async refresh(): Promise<void> {
    try {
      await this.list();
    } catch (err) {
      this.logger.warn(`burn-rate refresh failed: ${(err as Error).message}`);
    }
  }

  private async evaluate(systems: readonly UptimeSystem[], now: number): Promise<SystemSlo[]> {
    const counts = await this.repo.burnCounts(
      systems.map((s) => s.id),
      now,
    );
    return systems.map((s) => {
      const e = evaluateBurnRate(counts.get(s.id)!, sloFraction(s.sloTarget));
      return {
        code: s.code,
        slo: e.slo,
        burn_rates: e.burnRates,
        alerts: e.alerts,
        page: e.page,
        ticket: e.ticket,
      };
    });
  }
}
