import { PathSegment } from './ast';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type PathLookup = { found: true; value: JsonValue } | { found: false };

/**
 * Walks `.key` / `[index]` segments into a parsed JSON value. Only own properties count, so a
 * path like `.constructor` or `.__proto__` never reaches into Object.prototype. A numeric `.0`
 * on an array is read as an index, which is what people mean when they write it.
 */
export function lookupJsonPath(root: JsonValue, path: readonly PathSegment[]): PathLookup {
  let current: JsonValue = root;
  for (const segment of path) {
    if (Array.isArray(current)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      if (!Number.isInteger(index) || index < 0 || index >= current.length) return { found: false };
      current = current[index]!;
    } else if (current !== null && typeof current === 'object') {
      const key = String(segment);
      if (!Object.prototype.hasOwnProperty.call(current, key)) return { found: false };
      current = current[key]!;
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
