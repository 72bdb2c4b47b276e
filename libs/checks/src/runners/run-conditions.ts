import { evaluateConditions } from '../conditions';
import type { ConditionContext, ConditionOutcome } from '../conditions/condition-context';

/**
 * Evaluates a check's conditions against what the run saw. A bug in the conditions engine must
 * not lose the run, so a throw becomes failed outcomes carrying the error text.
 */
export function runConditions(texts: readonly string[], ctx: ConditionContext): ConditionOutcome[] {
  if (texts.length === 0) return [];
  try {
    return evaluateConditions([...texts], ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return texts.map((condition) => ({ condition, success: false, error: message }));
  }
}
