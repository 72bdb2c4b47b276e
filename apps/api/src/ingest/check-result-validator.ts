import type { CheckResultRow } from '../timeseries/check-result';
import { isCheckOutcome, isErrorClass } from '../timeseries/check-outcome';

/** Latest planned time accepted (PostgreSQL's timestamptz goes further; nothing sane does). */
const MAX_TIME_MS = Date.UTC(9999, 11, 31);

/** Why a row cannot be stored, or null when it can. Checked before queueing and after replay. */
export function checkResultProblem(row: CheckResultRow): string | null {
  if (row === null || typeof row !== 'object') return 'not an object';
  const t = row.time instanceof Date ? row.time.getTime() : NaN;
  if (!(t >= 0 && t <= MAX_TIME_MS)) return 'time is not a valid date (1970..9999)';
  if (!(Number.isInteger(row.checkId) && row.checkId > 0 && row.checkId <= 2_147_483_647))
    return 'checkId is not a positive 32-bit integer';
  if (typeof row.region !== 'string' || row.region.length === 0) return 'region is empty';
  if (!isCheckOutcome(row.outcome)) return `outcome ${String(row.outcome)} is not 0..3`;
  if (row.errorClass !== null && !isErrorClass(row.errorClass))
    return `error class "${String(row.errorClass)}" is unknown`;
  if (
    row.latencyMs !== null &&
    !(typeof row.latencyMs === 'number' && Number.isFinite(row.latencyMs) && row.latencyMs >= 0)
  )
    return 'latencyMs is not a finite non-negative number';
  if (
    row.statusCode !== null &&
    !(Number.isInteger(row.statusCode) && row.statusCode >= 0 && row.statusCode <= 32767)
  )
    return 'statusCode is out of range';
  return null;
}
