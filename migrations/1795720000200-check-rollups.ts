import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readStorageMode } from '../apps/api/src/database/storage-mode';
import { INVALIDATIONS_TABLE } from '../apps/api/src/timeseries/plain-rollup';
import { ROLLUP_RESOLUTIONS, ROLLUP_SPECS } from '../apps/api/src/timeseries/rollup-resolution';
import {
  buildContinuousAggregateDdl,
  buildPlainRollupTableDdl,
  buildRefreshPolicySql,
} from '../apps/api/src/timeseries/rollup-sql';
import { migrationSql } from './migration-sql';

/**
 * check_rollup_1m, check_rollup_1h, check_rollup_1d, all computed from check_results by the
 * one shared SELECT (apps/api/src/timeseries/rollup-sql.ts).
 * TimescaleDB: continuous aggregates (real-time, created empty) with refresh policies.
 * PostgreSQL: tables with the same columns, an invalidation log fed by a statement trigger on
 * check_results, kept current by RollupJobService.
 */
export class CheckRollups1795720000200 implements MigrationInterface {
  name = 'CheckRollups1795720000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const db = migrationSql(queryRunner);
    const mode = await readStorageMode(db);
    if (mode === 'timescaledb') {
      for (const resolution of ROLLUP_RESOLUTIONS) {
        await db.query(buildContinuousAggregateDdl(resolution));
        await db.query(buildRefreshPolicySql(resolution));
      }
      return;
    }
    for (const resolution of ROLLUP_RESOLUTIONS) {
      const relation = ROLLUP_SPECS[resolution].relation;
      await db.query(buildPlainRollupTableDdl(resolution));
      await db.query(`CREATE INDEX ${relation}_check_bucket_idx ON ${relation} (check_id, bucket)`);
    }
    await db.query(`CREATE TABLE ${INVALIDATIONS_TABLE} (
      id bigserial PRIMARY KEY,
      resolution text NOT NULL,
      lo timestamptz NOT NULL,
      hi timestamptz NOT NULL
    )`);
    await db.query(
      `CREATE INDEX ${INVALIDATIONS_TABLE}_resolution_idx ON ${INVALIDATIONS_TABLE} (resolution)`,
    );
    const resolutions = ROLLUP_RESOLUTIONS.map((r) => `('${r}')`).join(', ');
    await db.query(`CREATE FUNCTION kuzet_log_rollup_invalidation() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO ${INVALIDATIONS_TABLE} (resolution, lo, hi)
  SELECT r.resolution, s.lo, s.hi
    FROM (SELECT min(time) AS lo, max(time) AS hi FROM inserted_rows) s
   CROSS JOIN (VALUES ${resolutions}) AS r(resolution)
   WHERE s.lo IS NOT NULL;
  RETURN NULL;
END
$fn$`);
    await db.query(`CREATE TRIGGER check_results_rollup_invalidation
      AFTER INSERT ON check_results REFERENCING NEW TABLE AS inserted_rows
      FOR EACH STATEMENT EXECUTE FUNCTION kuzet_log_rollup_invalidation()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const db = migrationSql(queryRunner);
    const mode = await readStorageMode(db);
    for (const resolution of [...ROLLUP_RESOLUTIONS].reverse()) {
      const relation = ROLLUP_SPECS[resolution].relation;
      await db.query(
        mode === 'timescaledb' ? `DROP MATERIALIZED VIEW ${relation}` : `DROP TABLE ${relation}`,
      );
    }
    if (mode === 'postgresql') {
      await db.query('DROP TRIGGER check_results_rollup_invalidation ON check_results');
      await db.query('DROP FUNCTION kuzet_log_rollup_invalidation()');
      await db.query(`DROP TABLE ${INVALIDATIONS_TABLE}`);
    }
  }
}
