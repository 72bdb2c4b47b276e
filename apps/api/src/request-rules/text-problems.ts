import type { FieldProblem } from '@kuzet/contracts';

/**
 * NUL cannot be stored by PostgreSQL (text or jsonb) and has no place in a name, a code or a
 * note: a request holding one is refused naming the field, before any handler or query runs.
 */
const NUL = '\u0000';
/** Deeper than any request body of the API: such nesting is refused rather than walked. */
const MAX_DEPTH = 64;

/** The first string (or object key) of the value holding a NUL character, as a field problem. */
export function findTextProblem(value: unknown, field = ''): FieldProblem | undefined {
  const stack: Array<{ value: unknown; field: string; depth: number }> = [{ value, field, depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    const name = item.field || '(body)';
    if (typeof item.value === 'string') {
      if (item.value.includes(NUL)) return { field: name, message: 'must not contain a NUL character' };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_DEPTH) return { field: name, message: `is nested deeper than ${MAX_DEPTH} levels` };
    for (const [key, child] of Object.entries(item.value)) {
      const childField = item.field ? `${item.field}.${key}` : key;
      if (key.includes(NUL)) return { field: childField.replaceAll(NUL, '\\0'), message: 'must not contain a NUL character' };
      stack.push({ value: child, field: childField, depth: item.depth + 1 });
    }
  }
  return undefined;
}
