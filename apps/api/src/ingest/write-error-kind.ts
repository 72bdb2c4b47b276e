import { sqlState } from '../database/sql-state';
import { InvalidCheckResultError } from '../timeseries/timeseries.errors';
import { IngestWriteTimeoutError } from './ingest.errors';

/**
 * How the writer reacts to a failed batch:
 * - 'data': the database refused some rows (SQLSTATE class 22 data exception or 23 integrity
 *   constraint): isolate and drop only those rows;
 * - 'unavailable': anything else (lost connection, refused connection, timeout, server
 *   shutting down, out of resources...): spool the batch and probe the database. Unknown
 *   failures are treated as unavailability, which never loses a row.
 */
export type WriteErrorKind = 'data' | 'unavailable';

export function classifyWriteError(err: unknown): WriteErrorKind {
  if (err instanceof InvalidCheckResultError) return 'data';
  if (err instanceof IngestWriteTimeoutError) return 'unavailable';
  const code = sqlState(err);
  if (code && (code.startsWith('22') || code.startsWith('23'))) return 'data';
  return 'unavailable';
}
