/**
 * SLO burn-rate alerts per system, multiwindow multi-burn-rate (Google SRE workbook, ch. 5):
 *
 *   name         severity  long window  short window  burn rate >=
 *   page-fast    page      1h           5m            14.4   (2% of a 30-day budget in 1 h)
 *   page-slow    page      6h           30m           6      (5% of the budget in 6 h)
 *   ticket       ticket    3d           6h            1      (10% of the budget in 3 d)
 *
 * An alert fires only when BOTH of its windows burn at or above the threshold: the long
 * window proves the burn is significant, the short one that it is still happening (so the
 * alert resets quickly after recovery).
 *
 * burn rate = error rate / (1 - SLO), error rate = (total - good) / total. A window without
 * traffic (total 0) burns nothing. Default SLO 99.9%, overridable per system.
 * Comparisons allow a relative 1e-9 so that exact boundaries (e.g. 144 bad of 10 000 at 99.9%
 * = 14.4) fire despite binary floating point (1 - 0.999 is not exactly 0.001).
 */
export const BURN_WINDOWS = ['5m', '30m', '1h', '6h', '3d'] as const;
export type BurnWindow = (typeof BURN_WINDOWS)[number];

export interface WindowCounts {
  good: number;
  total: number;
}

export type BurnRateInput = Record<BurnWindow, WindowCounts>;

export interface BurnAlertRule {
  name: 'page-fast' | 'page-slow' | 'ticket';
  severity: 'page' | 'ticket';
  longWindow: BurnWindow;
  shortWindow: BurnWindow;
  threshold: number;
}

export const BURN_ALERT_RULES: readonly BurnAlertRule[] = [
  { name: 'page-fast', severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4 },
  { name: 'page-slow', severity: 'page', longWindow: '6h', shortWindow: '30m', threshold: 6 },
  { name: 'ticket', severity: 'ticket', longWindow: '3d', shortWindow: '6h', threshold: 1 },
];

export const DEFAULT_SLO = 0.999;

export interface BurnAlert extends BurnAlertRule {
  longBurnRate: number;
  shortBurnRate: number;
}

export interface BurnRateEvaluation {
  slo: number;
  burnRates: Record<BurnWindow, number>;
  /** The alerts that fire, in BURN_ALERT_RULES order. */
  alerts: BurnAlert[];
  page: boolean;
  ticket: boolean;
}

/** The system's SLO override when valid (0 < slo < 1), else the default. */
export function resolveSlo(override?: number | null, fallback: number = DEFAULT_SLO): number {
  return override !== undefined && override !== null && override > 0 && override < 1 ? override : fallback;
}

export function burnRate(counts: WindowCounts, slo: number = DEFAULT_SLO): number {
  if (counts.total <= 0) return 0;
  const bad = Math.max(0, counts.total - counts.good);
  return bad / counts.total / (1 - slo);
}

export function evaluateBurnRate(input: BurnRateInput, slo: number = DEFAULT_SLO): BurnRateEvaluation {
  if (!(slo > 0 && slo < 1)) throw new RangeError(`SLO must be between 0 and 1 (exclusive), got ${slo}`);
  const burnRates = {} as Record<BurnWindow, number>;
  for (const w of BURN_WINDOWS) burnRates[w] = burnRate(input[w], slo);
  const reaches = (rate: number, threshold: number) => rate >= threshold * (1 - 1e-9);
  const alerts: BurnAlert[] = [];
  for (const rule of BURN_ALERT_RULES) {
    const longBurnRate = burnRates[rule.longWindow];
    const shortBurnRate = burnRates[rule.shortWindow];
    if (reaches(longBurnRate, rule.threshold) && reaches(shortBurnRate, rule.threshold)) {
      alerts.push({ ...rule, longBurnRate, shortBurnRate });
    }
  }
  return {
    slo,
    burnRates,
    alerts,
    page: alerts.some((a) => a.severity === 'page'),
    ticket: alerts.some((a) => a.severity === 'ticket'),
  };
}
