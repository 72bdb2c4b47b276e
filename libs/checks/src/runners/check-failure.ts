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

/** The caller's signal aborted the run (shutdown, reschedule): nothing is known about the target. */
export class RunAborted extends Error {
  constructor() {
    super('the run was aborted by the caller');
    this.name = 'RunAborted';
  }
}
