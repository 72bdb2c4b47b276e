import { CheckOutcome } from './check-outcome';
import { ROLLUP_SPECS, RollupResolution } from './rollup-resolution';

/**
 * The rollup computation, written once. The TimescaleDB continuous aggregates
 * (migration CheckRollups) and the PostgreSQL rollup job both use buildRollupSelect, so
 * their figures are identical by construction; only the bucketing function differs
 * (time_bucket is required in a continuous aggregate; date_bin with TimescaleDB's default
 * origin gives the same UTC buckets on plain PostgreSQL >= 14).
 *
 * Note: the continuous aggregates are created from this builder by a migration. Changing the
 * SELECT therefore needs a new migration that recreates them (and rebuilds the plain tables).
 */

export type BucketFunction = 'time_bucket' | 'date_bin';

export interface RollupColumn {
  name: string;
  /** SQL type of the column, identical in both modes (the SELECT casts to it). */
  type: string;
  /** Aggregate expression over check_results (null for the grouping columns). */
  expression: string | null;
}

const RAW = 'check_results';
/** TimescaleDB's time_bucket origin for sub-month widths (a Monday). */
export const BUCKET_ORIGIN = '2000-01-03 00:00:00+00';

const percentile = (p: number): string => `percentile_cont(${p}) WITHIN GROUP (ORDER BY latency_ms)`;
const countOf = (outcome: CheckOutcome): string => `count(*) FILTER (WHERE outcome = ${outcome})`;

/** The rollup columns, in order: the same list for 1m, 1h and 1d, in both modes. */
export const ROLLUP_COLUMNS: readonly RollupColumn[] = [
  { name: 'bucket', type: 'timestamptz', expression: null },
  { name: 'check_id', type: 'integer', expression: null },
  { name: 'region', type: 'text', expression: null },
  { name: 'total', type: 'integer', expression: 'count(*)' },
  { name: 'up_count', type: 'integer', expression: countOf(CheckOutcome.Up) },
  { name: 'degraded_count', type: 'integer', expression: countOf(CheckOutcome.Degraded) },
  { name: 'down_count', type: 'integer', expression: countOf(CheckOutcome.Down) },
  { name: 'unknown_count', type: 'integer', expression: countOf(CheckOutcome.Unknown) },
  { name: 'latency_min', type: 'real', expression: 'min(latency_ms)' },
  { name: 'latency_max', type: 'real', expression: 'max(latency_ms)' },
  { name: 'latency_avg', type: 'double precision', expression: 'avg(latency_ms)' },
  { name: 'latency_p50', type: 'double precision', expression: percentile(0.5) },
  { name: 'latency_p95', type: 'double precision', expression: percentile(0.95) },
  { name: 'latency_p99', type: 'double precision', expression: percentile(0.99) },
];

export const ROLLUP_COLUMN_NAMES: readonly string[] = ROLLUP_COLUMNS.map((c) => c.name);

export function bucketExpression(resolution: RollupResolution, fn: BucketFunction): string {
  const width = `INTERVAL '${ROLLUP_SPECS[resolution].width}'`;
  return fn === 'time_bucket'
    ? `time_bucket(${width}, time)`
    : `date_bin(${width}, time, TIMESTAMPTZ '${BUCKET_ORIGIN}')`;
}

export interface RollupSelectOptions {
  /** Restrict raw rows to [$from, $to) given as placeholders, e.g. ['$1', '$2']. */
  timeRange?: readonly [string, string];
}

/** SELECT computing rollup rows from check_results, one per (bucket, check_id, region). */
export function buildRollupSelect(
  resolution: RollupResolution,
  fn: BucketFunction,
  options: RollupSelectOptions = {},
): string {
  const columns = ROLLUP_COLUMNS.map((c) => {
    if (c.name === 'bucket') return `${bucketExpression(resolution, fn)} AS bucket`;
    if (c.expression === null) return c.name;
    return `(${c.expression})::${c.type} AS ${c.name}`;
  });
  const where = options.timeRange
    ? `\nWHERE time >= ${options.timeRange[0]}::timestamptz AND time < ${options.timeRange[1]}::timestamptz`
    : '';
  return `SELECT ${columns.join(',\n       ')}\nFROM ${RAW}${where}\nGROUP BY 1, check_id, region`;
}

/** TimescaleDB: the continuous aggregate, created empty; real-time aggregation on. */
export function buildContinuousAggregateDdl(resolution: RollupResolution): string {
  return (
    `CREATE MATERIALIZED VIEW ${ROLLUP_SPECS[resolution].relation}\n` +
    `WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS\n` +
    `${buildRollupSelect(resolution, 'time_bucket')}\nWITH NO DATA`
  );
}

export function buildRefreshPolicySql(resolution: RollupResolution): string {
  const spec = ROLLUP_SPECS[resolution];
  return (
    `SELECT add_continuous_aggregate_policy('${spec.relation}', ` +
    `start_offset => INTERVAL '${spec.lookback}', end_offset => INTERVAL '${spec.caggEndOffset}', ` +
    `schedule_interval => INTERVAL '${spec.caggSchedule}', if_not_exists => true)`
  );
}

/** PostgreSQL: the rollup table with the same columns and types as the aggregate. */
export function buildPlainRollupTableDdl(resolution: RollupResolution): string {
  const relation = ROLLUP_SPECS[resolution].relation;
  const cols = ROLLUP_COLUMNS.map(
    (c) => `${c.name} ${c.type}${c.expression === null || c.name === 'total' ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE ${relation} (\n  ${cols.join(',\n  ')},\n  PRIMARY KEY (bucket, check_id, region)\n)`;
}

/** PostgreSQL: recompute every bucket of raw rows in [$1, $2) and upsert it. */
export function buildPlainRollupUpsert(resolution: RollupResolution): string {
  const relation = ROLLUP_SPECS[resolution].relation;
  const updates = ROLLUP_COLUMNS.filter((c) => c.expression !== null).map(
    (c) => `${c.name} = EXCLUDED.${c.name}`,
  );
  return (
    `WITH upserted AS (\n` +
    `INSERT INTO ${relation} (${ROLLUP_COLUMN_NAMES.join(', ')})\n` +
    `${buildRollupSelect(resolution, 'date_bin', { timeRange: ['$1', '$2'] })}\n` +
    `ON CONFLICT (bucket, check_id, region) DO UPDATE SET ${updates.join(', ')}\n` +
    `RETURNING 1)\nSELECT count(*)::int AS rows FROM upserted`
  );
}
