/** The shortest stall bound: below it a late batch or a restart would look like a stall. */
export const PROBING_STALL_MIN_S = 60;
/** Intervals without any result before probing counts as stalled. */
export const PROBING_STALL_INTERVALS = 3;

export interface ProbingActivity {
  /** Probed checks (enabled, of an enabled system and agency, not heartbeat). */
  checks: number;
  /** The smallest interval among them, seconds; null without checks. */
  minIntervalS: number | null;
  /** Planned time of the latest stored result of a probed check; null when none is recent. */
  lastResultAt: Date | null;
}

export interface ProbingHealth {
  ok: boolean;
  checks: number;
  /** Seconds since the latest result, null when there is none. */
  last_result_age_s: number | null;
  /** No result for longer than this (seconds) while checks exist = stalled. */
  stall_after_s: number;
}

/**
 * Probing stalls when probed checks exist but no result of theirs was stored for
 * max(3 x the smallest interval, 60 s), counted from the latest result or, before any, from the
 * process start (`since`), so a fresh start is not a stall. Pure.
 */
export function judgeProbing(input: ProbingActivity & { now: number; since: number }): ProbingHealth {
  const stallAfterS = Math.max(PROBING_STALL_INTERVALS * (input.minIntervalS ?? 0), PROBING_STALL_MIN_S);
  const last = input.lastResultAt?.getTime();
  const reference = Math.max(last ?? input.since, input.since);
  return {
    ok: input.checks === 0 || input.now - reference <= stallAfterS * 1000,
    checks: input.checks,
    last_result_age_s: last === undefined ? null : Math.round((input.now - last) / 1000),
    stall_after_s: stallAfterS,
  };
}
