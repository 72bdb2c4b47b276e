/**
 * Outcome of one check run, stored as smallint in check_results.outcome and counted by the
 * rollups (up_count, degraded_count, down_count, unknown_count). Shared vocabulary for
 * probing, ingest, detection: never renumber.
 */
export const CheckOutcome = {
  Up: 0,
  Degraded: 1,
  Down: 2,
  /** The probe could not tell (e.g. its own network is down: canary targets fail). */
  Unknown: 3,
} as const;
export type CheckOutcome = (typeof CheckOutcome)[keyof typeof CheckOutcome];

export const CHECK_OUTCOMES: readonly CheckOutcome[] = [
  CheckOutcome.Up,
  CheckOutcome.Degraded,
  CheckOutcome.Down,
  CheckOutcome.Unknown,
];

/** Why a run failed, stored in check_results.error_class (null when it did not fail). */
export const ERROR_CLASSES = ['dns', 'connect', 'timeout', 'tls', 'status', 'assertion'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export function isCheckOutcome(value: unknown): value is CheckOutcome {
  return typeof value === 'number' && (CHECK_OUTCOMES as readonly number[]).includes(value);
}

export function isErrorClass(value: unknown): value is ErrorClass {
  return typeof value === 'string' && (ERROR_CLASSES as readonly string[]).includes(value);
}
