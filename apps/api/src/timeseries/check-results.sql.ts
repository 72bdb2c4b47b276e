import { isCheckOutcome, isErrorClass } from './check-outcome';
import type { CheckResultRow } from './check-result';
import { ROLLUP_SPECS, RollupResolution } from './rollup-resolution';
import { ROLLUP_COLUMN_NAMES } from './rollup-sql';
import { InvalidCheckResultError } from './timeseries.errors';

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * One statement per batch, whatever its size: eight array parameters unnested server-side
 * (no 65535-parameter limit, one round trip). Rows already stored (same check, region and
 * planned time) are skipped, so replays are idempotent; the statement returns how many rows
 * were really inserted.
 */
export const INSERT_BATCH_SQL = `WITH inserted AS (
  INSERT INTO check_results (time, check_id, region, outcome, latency_ms, status_code, error_class, recheck)
  SELECT * FROM unnest($1::timestamptz[], $2::integer[], $3::text[], $4::smallint[], $5::real[], $6::smallint[], $7::text[], $8::boolean[])
  ON CONFLICT (check_id, region, time) DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS inserted FROM inserted`;

export function buildInsertBatch(rows: readonly CheckResultRow[]): SqlStatement {
  const times: Date[] = [];
  const checkIds: number[] = [];
  const regions: string[] = [];
  const outcomes: number[] = [];
  const latencies: (number | null)[] = [];
  const statusCodes: (number | null)[] = [];
  const errorClasses: (string | null)[] = [];
  const rechecks: boolean[] = [];
  for (const row of rows) {
    assertValid(row);
    times.push(row.time);
    checkIds.push(row.checkId);
    regions.push(row.region);
    outcomes.push(row.outcome);
    latencies.push(row.latencyMs);
    statusCodes.push(row.statusCode);
    errorClasses.push(row.errorClass);
    rechecks.push(row.recheck === true);
  }
  return {
    sql: INSERT_BATCH_SQL,
    params: [times, checkIds, regions, outcomes, latencies, statusCodes, errorClasses, rechecks],
  };
}

/**
 * The array parameters of INSERT_BATCH_SQL as PostgreSQL array literals (text), built in one
 * pass: several times cheaper than node-postgres serialising JS arrays element by element
 * (dates especially). Same values, same statement.
 */
export function toArrayLiterals(params: readonly unknown[]): string[] {
  return params.map((p) => arrayLiteral(p as readonly unknown[]));
}

function arrayLiteral(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] =
      v === null || v === undefined
        ? 'NULL'
        : typeof v === 'number'
          ? String(v)
          : v instanceof Date
            ? `"${v.toISOString()}"`
            : `"${String(v).replace(/["\\]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

function assertValid(row: CheckResultRow): void {
  const problem =
    !(row.time instanceof Date) || Number.isNaN(row.time.getTime())
      ? 'time is not a valid date'
      : !Number.isInteger(row.checkId)
        ? 'checkId is not an integer'
        : typeof row.region !== 'string' || row.region.length === 0
          ? 'region is empty'
          : !isCheckOutcome(row.outcome)
            ? `outcome ${String(row.outcome)} is not 0..3`
            : row.errorClass !== null && !isErrorClass(row.errorClass)
              ? `error class "${String(row.errorClass)}" is unknown`
              : row.latencyMs !== null && !(Number.isFinite(row.latencyMs) && row.latencyMs >= 0)
                ? 'latencyMs is not a finite non-negative number'
                : row.statusCode !== null &&
                    !(Number.isInteger(row.statusCode) && row.statusCode >= 0 && row.statusCode <= 32767)
                  ? 'statusCode is out of range'
                  : null;
  if (problem)
    throw new InvalidCheckResultError(`check result (check ${row.checkId}, ${row.region}): ${problem}`);
}

export interface RollupSeriesFilter {
  checkId: number;
  /** Bucket-aligned start (inclusive) and end (exclusive). */
  from: Date;
  to: Date;
  region?: string;
}

/** Rollup rows of one check over a range, ordered by bucket then region. Same SQL in both modes. */
export function buildRollupSeriesQuery(
  resolution: RollupResolution,
  filter: RollupSeriesFilter,
): SqlStatement {
  const params: unknown[] = [filter.checkId, filter.from, filter.to];
  let regionClause = '';
  if (filter.region !== undefined) {
    params.push(filter.region);
    regionClause = ' AND region = $4';
  }
  return {
    sql:
      `SELECT ${ROLLUP_COLUMN_NAMES.join(', ')} FROM ${ROLLUP_SPECS[resolution].relation}\n` +
      `WHERE check_id = $1 AND bucket >= $2::timestamptz AND bucket < $3::timestamptz${regionClause}\n` +
      `ORDER BY bucket, region`,
    params,
  };
}

/** Plain mode retention: delete up to $2 rows older than $1; returns how many went. */
export function buildRetentionDeleteBatch(relation: string, timeColumn: 'time' | 'bucket'): string {
  return `WITH doomed AS (
  DELETE FROM ${relation}
  WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${relation} WHERE ${timeColumn} < $1::timestamptz LIMIT $2))
  RETURNING 1
)
SELECT count(*)::int AS deleted FROM doomed`;
}
