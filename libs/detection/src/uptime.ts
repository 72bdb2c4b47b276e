/**
 * Uptime from per-minute status samples:
 *
 *   uptime = 1 - (major_minutes + 0.3 * partial_minutes) / (total_minutes - maintenance_minutes)
 *
 * - operational and degraded_performance minutes count as up (slow is still available);
 * - partial_outage minutes count at 0.3 (some users or functions affected);
 * - major_outage minutes count fully;
 * - under_maintenance minutes are excluded from numerator and denominator (announced work);
 * - minutes without a sample (null: no data) are excluded as well: uptime is measured over
 *   the time we could observe, not guessed;
 * - no measurable minute at all -> null. The result is clamped to [0, 1].
 */
import type { PublicStatus } from '@kuzet/contracts';

export const PARTIAL_OUTAGE_WEIGHT = 0.3;

export type StatusMinutes = Record<PublicStatus, number>;

export function emptyStatusMinutes(): StatusMinutes {
  return {
    operational: 0,
    degraded_performance: 0,
    partial_outage: 0,
    major_outage: 0,
    under_maintenance: 0,
  };
}

export function countStatusMinutes(samples: readonly (PublicStatus | null)[]): StatusMinutes {
  const minutes = emptyStatusMinutes();
  for (const s of samples) if (s !== null) minutes[s] += 1;
  return minutes;
}

export function uptimeFromMinutes(minutes: StatusMinutes): number | null {
  const total =
    minutes.operational +
    minutes.degraded_performance +
    minutes.partial_outage +
    minutes.major_outage +
    minutes.under_maintenance;
  const measured = total - minutes.under_maintenance;
  if (measured <= 0) return null;
  const lost = minutes.major_outage + PARTIAL_OUTAGE_WEIGHT * minutes.partial_outage;
  return Math.min(1, Math.max(0, 1 - lost / measured));
}

export function uptimeFromSamples(samples: readonly (PublicStatus | null)[]): number | null {
  return uptimeFromMinutes(countStatusMinutes(samples));
}
