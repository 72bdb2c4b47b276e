/** Thrown when the scorer is asked something it cannot answer from what it was given. */
export class ScoringInputError extends Error {
  constructor(
    /** The field (or argument) at fault, e.g. "systems" or "context.now". */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ScoringInputError';
  }
}
