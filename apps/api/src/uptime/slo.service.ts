import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DEFAULT_SLO, evaluateBurnRate, resolveSlo } from '@kuzet/detection';
import type { BurnAlert, BurnWindow } from '@kuzet/detection';
import { SloMetrics } from './slo-metrics';
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

@Injectable()
export class SloService {
  private readonly logger = new Logger(SloService.name);

  constructor(
    private readonly repo: UptimeRepository,
    private readonly metrics: SloMetrics,
  ) {}

  async system(code: string, now = Date.now()): Promise<SystemSlo> {
    const system = await this.repo.systemByCode(code);
    if (!system) throw new NotFoundException(`system ${code} not found`);
    return (await this.evaluate([system], now))[0];
  }

  /** Every enabled system; also refreshes the kuzet_slo_burn_rate gauges. */
  async list(now = Date.now()): Promise<SystemSlo[]> {
    const systems = await this.repo.enabledSystems();
    const result = await this.evaluate(systems, now);
    this.metrics.publish(
      systems.map((s, i) => ({ system: s.code, agency: s.agencyCode, isPublic: s.isPublic, burnRates: result[i].burn_rates })),
    );
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
