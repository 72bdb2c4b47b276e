import type { SqlExecutor } from '../database/sql-executor';
import { bucketStart, ROLLUP_SPECS, RollupResolution } from './rollup-resolution';
import { buildPlainRollupUpsert } from './rollup-sql';

/**
 * PostgreSQL mode keeps the rollup tables current the way TimescaleDB keeps its continuous
 * aggregates: every insert into check_results logs the time range it touched
 * (check_rollup_invalidations, one row per resolution, written by a statement trigger); the
 * job consumes those ranges and recomputes exactly the buckets they cover, from raw rows,
 * with the shared rollup SELECT. Late or replayed results are therefore rolled up too, back
 * to the same lookback as the TimescaleDB refresh policy (ROLLUP_SPECS[..].lookback).
 */
export const INVALIDATIONS_TABLE = 'check_rollup_invalidations';

export interface TimeRangeMs {
  from: number;
  to: number;
}

export interface Invalidation {
  lo: Date;
  hi: Date;
}

/**
 * Whole buckets to recompute: each invalidated [lo, hi] widened to bucket boundaries,
 * cut to buckets starting at or after `oldestBucketMs`, then merged when they touch.
 */
export function bucketRangesToRecompute(
  invalidations: readonly Invalidation[],
  resolution: RollupResolution,
  oldestBucketMs: number,
): TimeRangeMs[] {
  const width = ROLLUP_SPECS[resolution].widthMs;
  const floor = Math.ceil(oldestBucketMs / width) * width;
  const ranges = invalidations
    .map((i) => ({
      from: Math.max(bucketStart(i.lo.getTime(), resolution), floor),
      to: bucketStart(i.hi.getTime(), resolution) + width,
    }))
    .filter((r) => r.from < r.to)
    .sort((a, b) => a.from - b.from);
  const merged: TimeRangeMs[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

export interface PlainRollupResult {
  resolution: RollupResolution;
  /** Invalidation rows consumed. */
  invalidations: number;
  ranges: TimeRangeMs[];
  /** Rollup rows written (inserted or updated). */
  rows: number;
}

/** Serialises the job across API nodes, per resolution (transaction-scoped lock). */
const ROLLUP_LOCK_KEYS: Record<RollupResolution, number> = {
  '1m': 728_364_101,
  '1h': 728_364_102,
  '1d': 728_364_103,
};

/**
 * One run of the plain rollup job for one resolution. `tx` must be a transaction: the
 * consumed invalidations come back if the recomputation fails.
 */
export async function refreshPlainRollup(
  tx: SqlExecutor,
  resolution: RollupResolution,
  now: Date,
): Promise<PlainRollupResult> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_LOCK_KEYS[resolution]]);
  const consumed = await tx.query<Invalidation>(
    `WITH consumed AS (DELETE FROM ${INVALIDATIONS_TABLE} WHERE resolution = $1 RETURNING lo, hi) SELECT lo, hi FROM consumed`,
    [resolution],
  );
  const ranges = bucketRangesToRecompute(
    consumed,
    resolution,
    now.getTime() - ROLLUP_SPECS[resolution].lookbackMs,
  );
  const upsert = buildPlainRollupUpsert(resolution);
  let rows = 0;
  for (const range of ranges) {
    const result = await tx.query<{ rows: number }>(upsert, [new Date(range.from), new Date(range.to)]);
    rows += result[0]?.rows ?? 0;
  }
  return { resolution, invalidations: consumed.length, ranges, rows };
}
