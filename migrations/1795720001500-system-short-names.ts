import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A system's optional short name in kk / ru / en (issue 16): tiles and the wall display show it
 * when the full name does not fit. All three are set or none (the catalog schema requires the
 * three languages together). Plain SQL: runs the same on PostgreSQL, TimescaleDB and PGlite.
 */
export class SystemShortNames1795720001500 implements MigrationInterface {
  name = 'SystemShortNames1795720001500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE systems
      ADD COLUMN short_name_kk text,
      ADD COLUMN short_name_ru text,
      ADD COLUMN short_name_en text,
      ADD CONSTRAINT systems_short_name_all_or_none CHECK (
        (short_name_kk IS NULL) = (short_name_ru IS NULL) AND (short_name_ru IS NULL) = (short_name_en IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE systems
      DROP CONSTRAINT systems_short_name_all_or_none,
      DROP COLUMN short_name_kk, DROP COLUMN short_name_ru, DROP COLUMN short_name_en`);
  }
}
