import { DataSource, MigrationExecutor } from 'typeorm';
import { MigrationFailedError } from './database.errors';
import type { DbLogger } from './db-logger';

export interface MigrationRunReport {
  /** Names of the migrations executed by this run, in order. */
  executed: string[];
  /** Migrations known to the code base. */
  total: number;
  durationMs: number;
}

/** Serialises concurrent runs (several API nodes booting at once). Arbitrary constant. */
const MIGRATION_LOCK_KEY = 728_364_001;

/**
 * Runs the pending migrations of `dataSource` in timestamp order, each in its own transaction
 * (unless the migration sets `transaction = false`), under a session advisory lock, logging a
 * progress line per migration. Records them in TypeORM's `migrations` table, so the TypeORM
 * CLI sees the same state. A second run is a no-op.
 */
export async function runMigrations(dataSource: DataSource, log: DbLogger): Promise<MigrationRunReport> {
  const t0 = Date.now();
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, queryRunner);
      const total = dataSource.migrations.length;
      const pending = await executor.getPendingMigrations();
      if (pending.length === 0) {
        log.log(`migrations: up to date (${total} applied)`);
        return { executed: [], total, durationMs: Date.now() - t0 };
      }
      const executed: string[] = [];
      for (const [index, migration] of pending.entries()) {
        const started = Date.now();
        const transactional = migration.instance?.transaction !== false;
        try {
          if (transactional) await queryRunner.startTransaction();
          await executor.executeMigration(migration);
          if (transactional) await queryRunner.commitTransaction();
        } catch (err) {
          if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
          log.error(
            `migration ${index + 1}/${pending.length}: ${migration.name} ... failed after ${Date.now() - started}ms`,
          );
          throw new MigrationFailedError(migration.name, err);
        }
        executed.push(migration.name);
        log.log(
          `migration ${index + 1}/${pending.length}: ${migration.name} ... done in ${Date.now() - started}ms`,
        );
      }
      const durationMs = Date.now() - t0;
      log.log(`migrations: ${executed.length} applied in ${durationMs}ms (${total} in total)`);
      return { executed, total, durationMs };
    } finally {
      await queryRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await queryRunner.release();
  }
}

/** Names of the migrations of `dataSource` not applied to its database yet (read only). */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  return pending.map((m) => m.name);
}
