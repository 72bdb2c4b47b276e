/**
 * Partial versus major outage from counts: pure functions from numbers to a public status.
 *
 * errorRateStatus (share of failed results among the last N):
 *   total = 0                      -> 'operational' (no evidence of failure; callers that need
 *                                    to tell "no data" apart check total themselves)
 *   rate <  partialAt (5%)         -> 'operational'
 *   partialAt <= rate < majorAt    -> 'partial_outage'
 *   rate >= majorAt (50%)          -> 'major_outage'
 *
 * failingShareStatus (how many of a system's checks, or of a check's regions, are failing):
 *   none failing -> 'operational', all failing -> 'major_outage', some -> 'partial_outage'.
 */
import type { PublicStatus } from '@kuzet/contracts';

export interface ErrorRateThresholds {
  /** Error rate at which the status becomes partial_outage (inclusive, default 0.05). */
  partialAt: number;
  /** Error rate at which the status becomes major_outage (inclusive, default 0.5). */
  majorAt: number;
}

export const DEFAULT_ERROR_RATE_THRESHOLDS: ErrorRateThresholds = { partialAt: 0.05, majorAt: 0.5 };

export interface FailureCounts {
  failed: number;
  total: number;
}

export function errorRate(counts: FailureCounts): number {
  return counts.total > 0 ? counts.failed / counts.total : 0;
}

export function errorRateStatus(
  counts: FailureCounts,
  thresholds: ErrorRateThresholds = DEFAULT_ERROR_RATE_THRESHOLDS,
): PublicStatus {
  if (counts.total <= 0) return 'operational';
  // Compare counts, not a divided float: 5 of 100 must be exactly 5%.
  if (counts.failed >= thresholds.majorAt * counts.total - 1e-9) return 'major_outage';
  if (counts.failed >= thresholds.partialAt * counts.total - 1e-9) return 'partial_outage';
  return 'operational';
}

export function failingShareStatus(failing: number, total: number): PublicStatus {
  if (failing <= 0 || total <= 0) return 'operational';
  return failing >= total ? 'major_outage' : 'partial_outage';
}
