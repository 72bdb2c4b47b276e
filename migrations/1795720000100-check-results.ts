import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readStorageMode } from '../apps/api/src/database/storage-mode';
import { migrationSql } from './migration-sql';

/**
 * check_results: one narrow row per check run and region, at the run's planned time.
 * outcome: 0 up, 1 degraded, 2 down, 3 unknown (apps/api/src/timeseries/check-outcome.ts).
 * error_class: dns | connect | timeout | tls | status | assertion, or null.
 * UNIQUE (check_id, region, time) makes ingest idempotent (ON CONFLICT DO NOTHING).
 *
 * No foreign key to checks, on purpose: an FK check per row would slow batched ingest,
 * cannot reference a TimescaleDB hypertable's children cheaply, and would block deleting a
 * check whose history must stay until retention removes it. Ingest validates check ids.
 *
 * TimescaleDB: hypertable with 1-day chunks, compression segmented by (check_id, region),
 * newest first; compression/retention policies are applied from configuration at boot.
 * PostgreSQL: a plain table with a time index (range scans, retention deletes).
 */
export class CheckResults1795720000100 implements MigrationInterface {
  name = 'CheckResults1795720000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const db = migrationSql(queryRunner);
    const mode = await readStorageMode(db);
    await db.query(`CREATE TABLE check_results (
      time timestamptz NOT NULL,
      check_id integer NOT NULL,
      region text NOT NULL,
      outcome smallint NOT NULL CONSTRAINT check_results_outcome_check CHECK (outcome BETWEEN 0 AND 3),
      latency_ms real NULL,
      status_code smallint NULL,
      error_class text NULL,
      CONSTRAINT check_results_check_region_time_key UNIQUE (check_id, region, time)
    )`);
    if (mode === 'timescaledb') {
      await db.query(`SELECT create_hypertable('check_results', by_range('time', INTERVAL '1 day'))`);
      await db.query(
        `ALTER TABLE check_results SET (timescaledb.compress, timescaledb.compress_segmentby = 'check_id, region', timescaledb.compress_orderby = 'time DESC')`,
      );
    } else {
      await db.query('CREATE INDEX check_results_time_idx ON check_results (time)');
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE check_results');
  }
}
