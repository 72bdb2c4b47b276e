import { Injectable } from '@nestjs/common';
import { BURN_WINDOWS } from '@kuzet/detection';
import type { BurnWindow } from '@kuzet/detection';
import { Gauge, Registry } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { MetricsRegistry } from '../metrics/metrics-registry.service';

export interface BurnSample {
  system: string;
  agency: string;
  isPublic: boolean;
  burnRates: Record<BurnWindow, number>;
}

export interface BurnSeries {
  labels: { agency: string; system?: string; window: BurnWindow };
  value: number;
}

/**
 * The series of kuzet_slo_burn_rate: per system when `perSystem`, else the worst system of each
 * agency (max), so the count grows with agencies, not with the catalog. Pure.
 */
export function burnSeries(samples: readonly BurnSample[], perSystem: boolean): BurnSeries[] {
  if (perSystem)
    return samples.flatMap((s) => BURN_WINDOWS.map((window) => ({ labels: { agency: s.agency, system: s.system, window }, value: s.burnRates[window] })));
  const worst = new Map<string, Record<BurnWindow, number>>();
  for (const s of samples) {
    const current = worst.get(s.agency);
    const next = { ...s.burnRates };
    if (current) for (const w of BURN_WINDOWS) next[w] = Math.max(current[w], s.burnRates[w]);
    worst.set(s.agency, next);
  }
  return [...worst].flatMap(([agency, rates]) => BURN_WINDOWS.map((window) => ({ labels: { agency, window }, value: rates[window] })));
}

type BurnGauge = Gauge<'agency' | 'system' | 'window'>;

/** The burn-rate gauge of one registry (reused when the registry has it already). */
function burnGauge(registry: Registry): BurnGauge {
  return (
    (registry.getSingleMetric('kuzet_slo_burn_rate') as BurnGauge | undefined) ??
    new Gauge({
      name: 'kuzet_slo_burn_rate',
      help: 'SLO error-budget burn rate (1 = burning exactly the budget): worst system per agency, or per system with KUZET_METRICS_PER_SYSTEM',
      labelNames: ['agency', 'system', 'window'],
      registers: [registry],
    })
  );
}

/** kuzet_slo_burn_rate; the public twin (MetricsRegistry) is computed over public systems only. */
@Injectable()
export class SloMetrics {
  private readonly gauge: BurnGauge;
  private readonly publicGauge: BurnGauge;

  constructor(
    metrics: MetricsRegistry,
    private readonly config: AppConfig,
  ) {
    this.gauge = burnGauge(metrics.registry);
    this.publicGauge = burnGauge(metrics.publicRegistry);
  }

  publish(samples: readonly BurnSample[]): void {
    const perSystem = this.config.metricsPerSystem;
    this.gauge.reset();
    for (const s of burnSeries(samples, perSystem)) this.gauge.set(s.labels, s.value);
    this.publicGauge.reset();
    for (const s of burnSeries(samples.filter((x) => x.isPublic), perSystem)) this.publicGauge.set(s.labels, s.value);
  }
}
