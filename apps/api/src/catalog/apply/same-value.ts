/**
 * Equality of a stored column value and a desired one, across the forms the database returns:
 * Date vs Date by instant, numbers by value (numeric comes back as string before transformers),
 * jsonb and arrays by canonical JSON (jsonb does not keep key order), null == undefined.
 */
export function sameValue(stored: unknown, desired: unknown): boolean {
  if (stored === null || stored === undefined) return desired === null || desired === undefined;
  if (desired === null || desired === undefined) return false;
  if (stored instanceof Date || desired instanceof Date) {
    const a = stored instanceof Date ? stored.getTime() : new Date(stored as string).getTime();
    const b = desired instanceof Date ? desired.getTime() : new Date(desired as string).getTime();
    return a === b;
  }
  if (typeof stored === 'number' || typeof desired === 'number') return Number(stored) === Number(desired);
  if (typeof stored === 'object' || typeof desired === 'object')
    return canonicalJson(stored) === canonicalJson(desired);
  return stored === desired;
}

/** JSON with object keys sorted, so that equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
