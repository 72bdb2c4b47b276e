import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Detection that tells the truth (issue 9):
 * - checks.role: primary checks decide a system's status, diagnostic ones only explain or degrade
 *   it; NULL means the default of the check's kind (http, heartbeat: primary; dns, tcp, tls: diagnostic).
 * - check_results.recheck: the run was an immediate re-verification of a changed result, off the
 *   check's regular schedule.
 * - incidents: what failed (failure_kind, cause), when the incident was confirmed (created) and
 *   when its first failing result was planned.
 * - system_status_history: every confirmed system status change (hard states, region quorum,
 *   maintenance), written by the detector in the transaction of the change; uptime is computed
 *   from it. status NULL = no evidence (every check unknown).
 * Plain SQL: runs the same on PostgreSQL, TimescaleDB and PGlite.
 */
export class DetectionTruth1795720000800 implements MigrationInterface {
  name = 'DetectionTruth1795720000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE checks ADD COLUMN role text NULL CONSTRAINT checks_role_check CHECK (role IN ('primary', 'diagnostic'))`,
    );
    await queryRunner.query('ALTER TABLE check_results ADD COLUMN recheck boolean NOT NULL DEFAULT false');
    await queryRunner.query(
      `ALTER TABLE incidents
         ADD COLUMN failure_kind text NOT NULL DEFAULT 'outage'
           CONSTRAINT incidents_failure_kind_check CHECK (failure_kind IN ('outage', 'degraded', 'flapping')),
         ADD COLUMN cause jsonb NULL,
         ADD COLUMN confirmed_at timestamptz NULL,
         ADD COLUMN first_failure_at timestamptz NULL`,
    );
    await queryRunner.query(`CREATE TABLE system_status_history (
      system_id integer NOT NULL REFERENCES systems (id),
      at timestamptz NOT NULL,
      status text NULL CHECK (status IN ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
      PRIMARY KEY (system_id, at)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE system_status_history');
    await queryRunner.query(
      'ALTER TABLE incidents DROP COLUMN failure_kind, DROP COLUMN cause, DROP COLUMN confirmed_at, DROP COLUMN first_failure_at',
    );
    await queryRunner.query('ALTER TABLE check_results DROP COLUMN recheck');
    await queryRunner.query('ALTER TABLE checks DROP COLUMN role');
  }
}
