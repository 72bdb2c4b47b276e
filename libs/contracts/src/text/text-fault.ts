/**
 * NUL cannot be stored by PostgreSQL (text or jsonb) and has no place in a name, a code or a
 * note: requests and catalog files holding one are refused naming the field.
 */
const NUL = '\u0000';
/** Deeper than any request body or catalog document: such nesting is refused rather than walked. */
const MAX_DEPTH = 64;

export interface TextFault {
  path: (string | number)[];
  message: string;
}

/** The first string (or object key) of the value holding a NUL character, or nesting past the limit. */
export function findTextFault(value: unknown): TextFault | undefined {
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value, path: [] }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (item.value.includes(NUL)) return { path: item.path, message: 'must not contain a NUL character' };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.path.length >= MAX_DEPTH) return { path: item.path, message: `is nested deeper than ${MAX_DEPTH} levels` };
    const entries: [string | number, unknown][] = Array.isArray(item.value) ? item.value.map((v, i) => [i, v]) : Object.entries(item.value);
    const badKey = entries.find(([key]) => typeof key === 'string' && key.includes(NUL));
    if (badKey) return { path: [...item.path, String(badKey[0]).replaceAll(NUL, '\\0')], message: 'must not contain a NUL character' };
    // Pushed last-first so that the first field in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...item.path, entries[i][0]] });
  }
  return undefined;
}
