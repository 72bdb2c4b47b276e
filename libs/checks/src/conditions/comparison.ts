import { Operator } from './ast';
import { ConditionEvaluationError } from './condition-evaluation-error';
import { JsonValue } from './json-path';
import { isNumberText } from './tokenizer';

/** A resolved operand: JSON from a placeholder/function, or a literal's value (durations as ms). */
export type ConditionValue = JsonValue;

/** How a value reads as text: for string equality, globs and the outcome's `actual`. */
export function valueText(value: ConditionValue): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Numbers, and strings that read as numbers (a JSON "200" or a header "42"), compare numerically. */
export function valueNumber(value: ConditionValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return isNumberText(trimmed) ? Number(trimmed) : undefined;
  }
  return undefined;
}

export function valuesEqual(left: ConditionValue, right: ConditionValue): boolean {
  const l = valueNumber(left);
  const r = valueNumber(right);
  if (l !== undefined && r !== undefined) return l === r;
  return valueText(left) === valueText(right);
}

export function compareValues(left: ConditionValue, operator: Operator, right: ConditionValue): boolean {
  if (operator === '==') return valuesEqual(left, right);
  if (operator === '!=') return !valuesEqual(left, right);
  const l = valueNumber(left);
  const r = valueNumber(right);
  if (l === undefined || r === undefined) {
    // Ordering text would pass or fail for reasons nobody meant; say so instead of a quiet false.
    throw new ConditionEvaluationError(
      `cannot apply ${operator} to ${JSON.stringify(shorten(valueText(left), 40))} and ${JSON.stringify(shorten(valueText(right), 40))}: both sides must be numbers`,
    );
  }
  switch (operator) {
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    case '>=':
      return l >= r;
  }
}

/** Keeps outcome fields small for storage and the board; the ellipsis shows it was cut. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
