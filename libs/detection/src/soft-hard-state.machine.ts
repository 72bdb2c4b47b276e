/**
 * Soft/hard states of one (check, region), as Nagios and Gatus do: a single failed run is a
 * *soft* failure; only `failureThreshold` consecutive failures make the region *hard* down, and
 * only `successThreshold` consecutive successes bring it back. Degraded is its own track:
 * `degradedThreshold` consecutive degraded runs make the region hard degraded.
 *
 * Rules (evaluated after each known result, first match wins):
 * - Unknown results (the probe could not tell, e.g. its canaries failed) neither advance nor
 *   reset any counter and never change the hard state: the probe's blindness is not evidence.
 * - A result whose time is not after the last accepted result is ignored (replays after a
 *   restart or a redelivered batch must not count twice).
 * - failures >= failureThreshold            -> down
 * - degraded >= degradedThreshold           -> degraded (also the way out of down when slow)
 * - successes >= successThreshold           -> up
 * - hard is down and a mixed run of up/degraded results reaches successThreshold -> degraded
 *   (the service answers again, but not cleanly; without this rule an up/degraded alternation
 *   would keep it down forever).
 * The initial hard state is 'unknown'; it needs the same thresholds to become known.
 *
 * Pure: `stepSoftHard(state, input, config)` returns the next plain state and, when the hard
 * state changed, a transition with a deterministic idempotency key, so the API can persist the
 * state as JSON and resume after a restart without losing or duplicating a transition.
 */
import { CheckOutcome } from '@kuzet/contracts';

export type HardState = 'up' | 'degraded' | 'down' | 'unknown';

export interface SoftHardConfig {
  /** Consecutive Down results that make the region hard down (default 2). */
  failureThreshold: number;
  /** Consecutive Up results that make the region hard up (default 2). */
  successThreshold: number;
  /** Consecutive Degraded results that make the region hard degraded (default 2). */
  degradedThreshold: number;
}

export const DEFAULT_SOFT_HARD_CONFIG: SoftHardConfig = {
  failureThreshold: 2,
  successThreshold: 2,
  degradedThreshold: 2,
};

export interface SoftHardState {
  checkId: string;
  region: string;
  hard: HardState;
  /** When `hard` was entered (ms since epoch); null while still in the initial unknown. */
  hardSince: number | null;
  consecutiveDown: number;
  consecutiveUp: number;
  consecutiveDegraded: number;
  /** Up or Degraded in a row: the recovery counter out of down. */
  consecutiveNotDown: number;
  /** Time of the last accepted result, unknown included (replay guard). */
  lastResultAt: number | null;
  /** Time of the last non-unknown result (staleness for the region quorum). */
  lastKnownAt: number | null;
}

export interface SoftHardInput {
  outcome: CheckOutcome;
  /** When the run happened, ms since epoch (the caller's clock, never ours). */
  at: number;
}

export interface SoftHardTransition {
  checkId: string;
  region: string;
  from: HardState;
  to: HardState;
  at: number;
  /** `${checkId}:${region}:${to}:${at}`: the same result replayed yields the same key. */
  idempotencyKey: string;
}

export interface SoftHardStep {
  state: SoftHardState;
  transition?: SoftHardTransition;
  /** False when the input was a replay (not after lastResultAt) and was ignored. */
  accepted: boolean;
}

export function initialSoftHardState(checkId: string, region: string): SoftHardState {
  return {
    checkId,
    region,
    hard: 'unknown',
    hardSince: null,
    consecutiveDown: 0,
    consecutiveUp: 0,
    consecutiveDegraded: 0,
    consecutiveNotDown: 0,
    lastResultAt: null,
    lastKnownAt: null,
  };
}

export function softHardIdempotencyKey(checkId: string, region: string, to: HardState, at: number): string {
  return `${checkId}:${region}:${to}:${at}`;
}

export function stepSoftHard(
  state: SoftHardState,
  input: SoftHardInput,
  config: SoftHardConfig = DEFAULT_SOFT_HARD_CONFIG,
): SoftHardStep {
  if (state.lastResultAt !== null && input.at <= state.lastResultAt) {
    return { state, accepted: false };
  }
  if (input.outcome === CheckOutcome.Unknown) {
    return { state: { ...state, lastResultAt: input.at }, accepted: true };
  }

  const down = input.outcome === CheckOutcome.Down;
  const up = input.outcome === CheckOutcome.Up;
  const degraded = input.outcome === CheckOutcome.Degraded;
  const next: SoftHardState = {
    ...state,
    consecutiveDown: down ? state.consecutiveDown + 1 : 0,
    consecutiveUp: up ? state.consecutiveUp + 1 : 0,
    consecutiveDegraded: degraded ? state.consecutiveDegraded + 1 : 0,
    consecutiveNotDown: down ? 0 : state.consecutiveNotDown + 1,
    lastResultAt: input.at,
    lastKnownAt: input.at,
  };

  const target = targetHardState(next, config);
  if (target === null || target === state.hard) return { state: next, accepted: true };

  const transition: SoftHardTransition = {
    checkId: state.checkId,
    region: state.region,
    from: state.hard,
    to: target,
    at: input.at,
    idempotencyKey: softHardIdempotencyKey(state.checkId, state.region, target, input.at),
  };
  return { state: { ...next, hard: target, hardSince: input.at }, transition, accepted: true };
}

/** Folds a list of inputs; convenient for tests and for rebuilding state from stored results. */
export function replaySoftHard(
  state: SoftHardState,
  inputs: readonly SoftHardInput[],
  config: SoftHardConfig = DEFAULT_SOFT_HARD_CONFIG,
): { state: SoftHardState; transitions: SoftHardTransition[] } {
  const transitions: SoftHardTransition[] = [];
  let current = state;
  for (const input of inputs) {
    const step = stepSoftHard(current, input, config);
    current = step.state;
    if (step.transition) transitions.push(step.transition);
  }
  return { state: current, transitions };
}

function targetHardState(s: SoftHardState, c: SoftHardConfig): HardState | null {
  if (s.consecutiveDown >= c.failureThreshold) return 'down';
  if (s.consecutiveDegraded >= c.degradedThreshold) return 'degraded';
  if (s.consecutiveUp >= c.successThreshold) return 'up';
  if (s.hard === 'down' && s.consecutiveNotDown >= c.successThreshold) return 'degraded';
  return null;
}
