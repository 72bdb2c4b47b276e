import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import type { CheckResultRow } from './check-result';
import { buildInsertBatch, buildRollupSeriesQuery, toArrayLiterals } from './check-results.sql';
import { bucketStart, chooseResolution, RollupResolution } from './rollup-resolution';
import { RollupRow, RollupSeries, toRollupPoint } from './rollup-point';

/**
 * Time-series reads and writes of check results, as explicit SQL that runs unchanged on
 * PostgreSQL and TimescaleDB (and on PGlite in tests: construct it with any SqlExecutor).
 */
@Injectable()
export class CheckResultsRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  /** Stores a batch in one statement; duplicates (check, region, time) are ignored. Returns rows inserted. */
  async insertBatch(rows: readonly CheckResultRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const { sql, params } = buildInsertBatch(rows);
    const result = await this.db.query<{ inserted: number }>(sql, toArrayLiterals(params));
    return result[0]?.inserted ?? 0;
  }

  /**
   * Rollup points of one check (all regions, or one) over [from, to). The resolution is chosen
   * from the span (see chooseResolution) unless given; `from` is widened to its bucket start.
   */
  async rollupSeries(
    checkId: number,
    from: Date,
    to: Date,
    resolution: RollupResolution = chooseResolution(from, to),
    region?: string,
  ): Promise<RollupSeries> {
    const alignedFrom = new Date(bucketStart(from.getTime(), resolution));
    const { sql, params } = buildRollupSeriesQuery(resolution, { checkId, from: alignedFrom, to, region });
    const rows = await this.db.query<RollupRow>(sql, params);
    return { resolution, from: alignedFrom, to, points: rows.map(toRollupPoint) };
  }
}
