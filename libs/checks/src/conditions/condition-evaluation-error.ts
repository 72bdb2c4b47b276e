/**
 * Raised while evaluating a parsed condition (missing placeholder, body not JSON, `<` on text).
 * Never leaves the module: the evaluator turns it into an outcome with success false.
 */
export class ConditionEvaluationError extends Error {
  override readonly name = 'ConditionEvaluationError';
}
