import type { ErrorClass } from '../check-run-result';

/**
 * A run that failed for a known reason. Runners throw it from deep inside socket callbacks and
 * the runner's edge turns it into a Down result, so no code path needs to build results itself.
 */
export class CheckFailure extends Error {
  constructor(
    readonly errorClass: ErrorClass,
    message: string,
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/**
 * The run's deadline passed. `lateMs` is how much later than the deadline the timeout was seen:
 * a few ms normally; much more means the probe's own event loop was busy (starved), and then the
 * timeout says nothing about the target (see {@link starvedBy}).
 */
export class DeadlineFailure extends CheckFailure {
  constructor(
    message: string,
    readonly lateMs: number,
  ) {
    super('timeout', message);
    this.name = 'DeadlineFailure';
  }
}

/** A deadline seen later than this (and 10 % of the timeout) after it passed means the loop was starved. */
export const STARVED_LATE_MS = 250;

/**
 * How late the deadline of a timed-out run was seen, when that lateness shows event-loop
 * starvation (over STARVED_LATE_MS and over a tenth of the timeout); otherwise undefined.
 * Timers run before I/O callbacks when a blocked loop comes back, so an answer that arrived
 * during the block loses to the timeout: such a timeout is the probe's, not the target's.
 */
export function starvedBy(error: unknown, timeoutMs: number): number | undefined {
  if (!(error instanceof DeadlineFailure)) return undefined;
  return error.lateMs > Math.max(STARVED_LATE_MS, timeoutMs / 10) ? error.lateMs : undefined;
}

/** The caller's signal aborted the run (shutdown, reschedule): nothing is known about the target. */
export class RunAborted extends Error {
  constructor() {
    super('the run was aborted by the caller');
    this.name = 'RunAborted';
  }
}
