/** The PostgreSQL SQLSTATE of a failed query (pg error or TypeORM's QueryFailedError), if any. */
export function sqlState(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = typeof e.code === 'string' ? e.code : e.driverError?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** deadlock_detected, serialization_failure: the transaction lost a race and may be retried. */
export function isConcurrencyFailure(err: unknown): boolean {
  const code = sqlState(err);
  return code === '40P01' || code === '40001';
}
