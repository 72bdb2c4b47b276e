/**
 * The checks' conditions language (Gatus-style): `[STATUS] == 200`, `[BODY].status == "UP"`,
 * `[CERTIFICATE_EXPIRATION] > 14d`, `len([BODY].data) == 3`, `[BODY] == pat(*UP*)`, ...
 * Runners fill a ConditionContext and call evaluateConditions; the catalog loader calls
 * validateConditions so bad conditions are rejected with a position before anything runs.
 */
import type { ParsedCondition } from './ast';
import type { ConditionContext, ConditionOutcome } from './condition-context';
import { ConditionParseError } from './condition-parse-error';
import { evaluateWithResolver } from './evaluator';
import { parseCondition } from './parser';
import { PlaceholderResolver } from './placeholders';

export * from './ast';
export type { ConditionContext, ConditionOutcome } from './condition-context';
export { ConditionParseError } from './condition-parse-error';
export { evaluateCondition, ACTUAL_MAX_LENGTH } from './evaluator';
export { parseCondition } from './parser';
export { printCondition } from './printer';

export interface ConditionValidationError {
  /** Index into the list passed to validateConditions. */
  index: number;
  /** 0-based character index into that condition's text. */
  position: number;
  message: string;
}

/**
 * Parses and evaluates each condition against one context. Never throws: a condition that does
 * not parse yields `success: false` with the parse error. The body is JSON-parsed at most once.
 */
export function evaluateConditions(texts: string[], ctx: ConditionContext): ConditionOutcome[] {
  const resolver = new PlaceholderResolver(ctx);
  return texts.map((text): ConditionOutcome => {
    let parsed: ParsedCondition;
    try {
      parsed = parseCondition(text);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { condition: String(text), success: false, error: `invalid condition: ${message}` };
    }
    return evaluateWithResolver(parsed, resolver);
  });
}

/** For the catalog loader: one entry per condition that does not parse; empty when all do. */
export function validateConditions(texts: string[]): ConditionValidationError[] {
  const errors: ConditionValidationError[] = [];
  texts.forEach((text, index) => {
    try {
      parseCondition(text);
    } catch (err) {
      if (err instanceof ConditionParseError) errors.push({ index, position: err.position, message: err.message });
      else errors.push({ index, position: 0, message: err instanceof Error ? err.message : String(err) });
    }
  });
  return errors;
}
