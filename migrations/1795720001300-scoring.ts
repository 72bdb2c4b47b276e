import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Technology-debt scores (issue 13):
 * - score_findings: each (system, rule) finding the scorer has seen, when first and last, and
 *   when it stopped being seen (fixed_at): a fixed finding's cost fades out over 60 days, so the
 *   scorer reads the recently fixed ones back. A finding seen again clears fixed_at.
 * - system_score_snapshots: one row per Asia/Almaty day and system, the day's latest score (the
 *   scorer upserts it every run), with the evidence it was computed from, so a grade can be
 *   reproduced and `kuzet score explain` prints it without the probes.
 * - agency_score_snapshots: the same per agency; the trend of the ranking.
 * Plain SQL: runs the same on PostgreSQL, TimescaleDB and PGlite.
 */
export class Scoring1795720001300 implements MigrationInterface {
  name = 'Scoring1795720001300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE score_findings (
      system_id integer NOT NULL REFERENCES systems (id),
      rule text NOT NULL,
      first_seen timestamptz NOT NULL,
      last_seen timestamptz NOT NULL,
      fixed_at timestamptz NULL,
      finding jsonb NOT NULL,
      PRIMARY KEY (system_id, rule)
    )`);
    await queryRunner.query('CREATE INDEX score_findings_fixed_at_idx ON score_findings (fixed_at) WHERE fixed_at IS NOT NULL');
    await queryRunner.query(`CREATE TABLE system_score_snapshots (
      day date NOT NULL,
      system_id integer NOT NULL REFERENCES systems (id),
      agency_id integer NOT NULL REFERENCES agencies (id),
      score numeric NOT NULL CHECK (score >= 0 AND score <= 100),
      uncapped_score numeric NULL,
      grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'F')),
      components jsonb NOT NULL,
      findings jsonb NOT NULL,
      caps jsonb NOT NULL DEFAULT '[]'::jsonb,
      tls_grade text NULL,
      http_observatory jsonb NULL,
      evidence jsonb NOT NULL DEFAULT '{}'::jsonb,
      computed_at timestamptz NOT NULL,
      PRIMARY KEY (day, system_id)
    )`);
    await queryRunner.query('CREATE INDEX system_score_snapshots_system_day_idx ON system_score_snapshots (system_id, day DESC)');
    await queryRunner.query(`CREATE TABLE agency_score_snapshots (
      day date NOT NULL,
      agency_id integer NOT NULL REFERENCES agencies (id),
      score numeric NOT NULL CHECK (score >= 0 AND score <= 100),
      grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'F')),
      weighted_mean numeric NOT NULL,
      worst jsonb NULL,
      computed_at timestamptz NOT NULL,
      PRIMARY KEY (day, agency_id)
    )`);
    await queryRunner.query('CREATE INDEX agency_score_snapshots_agency_day_idx ON agency_score_snapshots (agency_id, day DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE agency_score_snapshots');
    await queryRunner.query('DROP TABLE system_score_snapshots');
    await queryRunner.query('DROP TABLE score_findings');
  }
}
