import type { ReliabilityEvidence } from '@kuzet/scoring';
import { reliabilityMetrics } from '@kuzet/detection';
import type { IncidentTimes, TimeRange } from '@kuzet/detection';
import type { UptimeEntry } from '../uptime/uptime-summary';

/** The scoring window of the reliability component (the 28 days). */
export const RELIABILITY_WINDOW_DAYS = 28;

/**
 * A system's reliability over the window: availability from its confirmed status (docs/uptime.md:
 * partial outage at 0.3, maintenance excluded), the degraded share of the measured time, and its
 * root incidents' count, MTTR and MTBF (libs/detection reliability-metrics).
 */
export function reliabilityEvidence(
  uptime: UptimeEntry | undefined,
  incidents: readonly IncidentTimes[],
  range: TimeRange,
  sloTarget: number,
): ReliabilityEvidence {
  const m = uptime?.minutes;
  const measured = m ? m.major + m.partial + m.degraded + m.operational : 0;
  const metrics = reliabilityMetrics(incidents, range);
  return {
    windowDays: RELIABILITY_WINDOW_DAYS,
    sloTarget,
    availability: uptime?.uptime ?? null,
    degradedShare: measured > 0 && m ? m.degraded / measured : 0,
    incidents: metrics.count,
    mttrMs: metrics.mttrMs,
    mtbfMs: metrics.mtbfMs,
  };
}
