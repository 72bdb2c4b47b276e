import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  detectAndInstallStorageMode,
  META_TABLE,
  STORAGE_MODE_KEY,
} from '../apps/api/src/database/storage-mode';
import { migrationSql } from './migration-sql';

/**
 * kuzet_meta, and the storage mode: TimescaleDB when the server offers the extension
 * (installed here), plain PostgreSQL otherwise. Later migrations branch on the recorded mode.
 */
export class StorageMode1795720000000 implements MigrationInterface {
  name = 'StorageMode1795720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const db = migrationSql(queryRunner);
    await db.query(
      `CREATE TABLE ${META_TABLE} (key text PRIMARY KEY, value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
    const mode = await detectAndInstallStorageMode(db);
    await db.query(`INSERT INTO ${META_TABLE} (key, value) VALUES ($1, $2)`, [STORAGE_MODE_KEY, mode]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The timescaledb extension is left installed: other schemas may use it.
    await queryRunner.query(`DROP TABLE ${META_TABLE}`);
  }
}
