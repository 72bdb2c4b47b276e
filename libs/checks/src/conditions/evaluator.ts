import { LeftOperand, ParsedCondition, SimpleOperand } from './ast';
import { compareValues, ConditionValue, shorten, valuesEqual, valueText } from './comparison';
import { ConditionContext, ConditionOutcome } from './condition-context';
import { ConditionEvaluationError } from './condition-evaluation-error';
import { globMatch } from './glob';
import { PlaceholderResolver } from './placeholders';

/** `ConditionOutcome.actual` is capped so one huge body does not bloat every stored result. */
export const ACTUAL_MAX_LENGTH = 100;

export function evaluateCondition(parsed: ParsedCondition, ctx: ConditionContext): ConditionOutcome {
  return evaluateWithResolver(parsed, new PlaceholderResolver(ctx));
}

/**
 * Evaluates with a caller-supplied resolver so several conditions share one parsed body.
 * Never throws: anything that goes wrong becomes `success: false` with `error`.
 */
export function evaluateWithResolver(parsed: ParsedCondition, resolver: PlaceholderResolver): ConditionOutcome {
  let actual: string | undefined;
  try {
    const left = resolveOperand(parsed.left, resolver);
    actual = shorten(valueText(left), ACTUAL_MAX_LENGTH);
    const { right, operator } = parsed;
    let success: boolean;
    if (right.kind === 'pat') {
      const match = globMatch(right.pattern, valueText(left));
      success = operator === '!=' ? !match : match;
    } else if (right.kind === 'any') {
      success = right.values.some((v) => valuesEqual(left, resolveOperand(v, resolver)));
    } else {
      success = compareValues(left, operator, resolveOperand(right, resolver));
    }
    return { condition: parsed.text, success, actual };
  } catch (err) {
    const error =
      err instanceof ConditionEvaluationError ? err.message : `evaluation failed: ${err instanceof Error ? err.message : String(err)}`;
    return actual === undefined
      ? { condition: parsed.text, success: false, error }
      : { condition: parsed.text, success: false, actual, error };
  }
}

function resolveOperand(operand: LeftOperand, resolver: PlaceholderResolver): ConditionValue {
  switch (operand.kind) {
    case 'len':
      return lengthOf(resolveSimple(operand.arg, resolver));
    case 'has':
      return operand.arg.kind === 'placeholder' ? resolver.has(operand.arg) : true;
    default:
      return resolveSimple(operand, resolver);
  }
}

function resolveSimple(operand: SimpleOperand, resolver: PlaceholderResolver): ConditionValue {
  switch (operand.kind) {
    case 'placeholder':
      return resolver.resolve(operand);
    case 'number':
      return operand.value;
    case 'duration':
      return operand.ms;
    case 'string':
    case 'word':
      return operand.value;
  }
}

/** String length, array length, object key count; scalars by their text form. */
function lengthOf(value: ConditionValue): number {
  if (value === null) return 0;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object') return Object.keys(value).length;
  return valueText(value).length;
}
