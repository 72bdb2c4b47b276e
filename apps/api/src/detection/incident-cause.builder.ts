import type { IncidentCause, IncidentCauseCheck } from '@kuzet/contracts';
import { CheckOutcome } from '@kuzet/contracts';
import type { CheckInfo } from './detection-catalog';
import type { CheckState, RegionFailure, RegionState } from './detector-state';

/** Read access to the detector's state while a batch is processed. */
export interface CauseStateLookup {
  check(checkId: number): CheckState | undefined;
  region(checkId: number, region: string): RegionState | undefined;
  regionsOf(checkId: number): readonly string[];
}

export interface BuiltCause {
  cause: IncidentCause | null;
  /** Planned time of the earliest failing result among the failing checks. */
  firstFailureAt: number | null;
}

/**
 * The cause of a system's trouble, from the detector's state: each check that is not
 * operational (or flaps), the regions where it fails, and the first error of its failure in
 * words. Primary checks first, then by when they started failing. Pure.
 */
export function buildIncidentCause(checks: readonly CheckInfo[], state: CauseStateLookup): BuiltCause {
  const entries: IncidentCauseCheck[] = [];
  for (const check of checks) {
    const cs = state.check(check.id);
    const troubled = cs !== undefined && ((cs.status !== null && cs.status !== 'operational') || cs.flapping.flapping);
    if (!troubled) continue;
    const failing: { region: string; failure: RegionFailure | null }[] = [];
    for (const region of state.regionsOf(check.id)) {
      const rs = state.region(check.id, region);
      if (!rs) continue;
      const hard = rs.softHard.hard;
      if (hard === 'down' || hard === 'degraded' || rs.softHard.consecutiveDown > 0)
        failing.push({ region, failure: rs.failure ?? null });
    }
    if (failing.length === 0) continue;
    const first = failing
      .map((f) => f.failure)
      .filter((f): f is RegionFailure => f !== null)
      .sort((a, b) => a.at - b.at)[0];
    entries.push({
      checkId: check.id,
      checkCode: check.code,
      checkType: check.kind,
      role: check.role,
      outcome: first?.outcome ?? CheckOutcome.Down,
      regions: failing.map((f) => f.region).sort(),
      errorClass: first?.errorClass ?? null,
      httpStatus: first?.statusCode ?? null,
      error: first?.words ?? (cs.flapping.flapping ? 'flapping' : 'unknown'),
      firstFailureAt: first?.at ?? 0,
    });
  }
  if (entries.length === 0) return { cause: null, firstFailureAt: null };
  entries.sort(
    (a, b) =>
      Number(a.role === 'diagnostic') - Number(b.role === 'diagnostic') || a.firstFailureAt - b.firstFailureAt,
  );
  const times = entries.map((e) => e.firstFailureAt).filter((t) => t > 0);
  return { cause: { checks: entries }, firstFailureAt: times.length > 0 ? Math.min(...times) : null };
}
