import type { ResultRecord } from '@kuzet/contracts';
import type { ServedVerdict } from '../assignment/assignment-history';

/** Why a pushed result is not stored. */
export type ResultRejectReason = 'planned_in_future' | 'too_old' | 'unknown_check' | 'region_not_assigned';

export interface AdmissionRules {
  now: number;
  /** Allowance for agent clocks running ahead. */
  clockSkewMs: number;
  /** How far back an agent's spool may replay. */
  replayHorizonMs: number;
  /** Whether the check ran in the region at that planned time (AssignmentHistory.served). */
  served: (checkId: number, region: string, plannedAt: number) => ServedVerdict;
}

export interface Admission {
  admitted: ResultRecord[];
  rejected: Partial<Record<ResultRejectReason, number>>;
}

function reasonFor(r: ResultRecord, rules: AdmissionRules): ResultRejectReason | undefined {
  // A future slot first: stored, it would win its slot over the real result (first row wins).
  if (r.planned_at > rules.now + rules.clockSkewMs) return 'planned_in_future';
  if (r.planned_at < rules.now - rules.replayHorizonMs) return 'too_old';
  const served = rules.served(r.check_id, r.region, r.planned_at);
  return served === 'assigned' ? undefined : served;
}

/**
 * Which pushed results may be stored: a check assigned to the result's region at its planned
 * time, planned no later than now plus the skew allowance and no earlier than the replay horizon.
 * Rechecks (off the grid) follow the same rules. Pure.
 */
export function admitResults(records: readonly ResultRecord[], rules: AdmissionRules): Admission {
  const admitted: ResultRecord[] = [];
  const rejected: Admission['rejected'] = {};
  for (const r of records) {
    const reason = reasonFor(r, rules);
    if (reason === undefined) admitted.push(r);
    else rejected[reason] = (rejected[reason] ?? 0) + 1;
  }
  return { admitted, rejected };
}
