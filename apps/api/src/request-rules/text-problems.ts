import type { FieldProblem } from '@kuzet/contracts';

/**
 * NUL cannot be stored by PostgreSQL (text or jsonb) and has no place in a name, a code or a
 * note: a request holding one is refused naming the field, before any handler or query runs.
 */
const NUL = '\u0000';
/** Deeper than any request body of the API: such nesting is refused rather than walked. */
const MAX_DEPTH = 64;

export type FieldPath = (string | number)[];

export interface TextFault {
  path: FieldPath;
  message: string;
}

/** The first string (or object key) of the value holding a NUL character, or nesting past the limit. */
export function findTextFault(value: unknown): TextFault | undefined {
  const stack: Array<{ value: unknown; path: FieldPath }> = [{ value, path: [] }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (item.value.includes(NUL)) return { path: item.path, message: 'must not contain a NUL character' };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.path.length >= MAX_DEPTH) return { path: item.path, message: `is nested deeper than ${MAX_DEPTH} levels` };
    const entries: [string | number, unknown][] = Array.isArray(item.value) ? item.value.map((v, i) => [i, v]) : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && key.includes(NUL))
        return { path: [...item.path, key.replaceAll(NUL, '\\0')], message: 'must not contain a NUL character' };
      stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return undefined;
}

/** findTextFault as a request field problem: `email`, `name.en`, `tags.1`, `(body)` for the whole body. */
export function findTextProblem(value: unknown): FieldProblem | undefined {
  const fault = findTextFault(value);
  return fault && { field: fault.path.length ? fault.path.join('.') : '(body)', message: fault.message };
}
