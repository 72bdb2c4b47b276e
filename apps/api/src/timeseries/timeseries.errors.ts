/** Errors of the time-series module. */
export class TimeseriesError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A check result that cannot be stored (bad outcome, error class, time...). */
export class InvalidCheckResultError extends TimeseriesError {}

/** A time range that is empty, reversed or not a valid date. */
export class InvalidTimeRangeError extends TimeseriesError {}
