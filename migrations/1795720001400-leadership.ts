import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leader election (issue 14): the one `leadership` row holds the fencing token. A node that takes
 * the advisory lock bumps `term` in the same transaction; every leader-only write checks, in its
 * own transaction and under a shared row lock, that the term is still the one it was elected with,
 * so a deposed leader's late writes are refused. `holder` and `since` are for people reading it.
 * Plain SQL: runs the same on PostgreSQL, TimescaleDB and PGlite.
 */
export class Leadership1795720001400 implements MigrationInterface {
  name = 'Leadership1795720001400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE leadership (
      id smallint PRIMARY KEY CONSTRAINT leadership_one_row CHECK (id = 1),
      term bigint NOT NULL,
      holder text NULL,
      since timestamptz NULL
    )`);
    await queryRunner.query('INSERT INTO leadership (id, term) VALUES (1, 0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE leadership');
  }
}
