/**
 * Thrown by `parseCondition` for text that is not a condition. The catalog loader reports
 * `position` (0-based character index into the text) so an author can see where it went wrong;
 * `expected` names what the parser wanted there, and the message reads
 * `expected <expected> at position <position>`.
 */
export class ConditionParseError extends Error {
  override readonly name = 'ConditionParseError';

  constructor(
    readonly position: number,
    readonly expected: string,
  ) {
    super(`expected ${expected} at position ${position}`);
  }
}
