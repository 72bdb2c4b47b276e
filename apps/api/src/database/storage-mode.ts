import { StorageModeError } from './database.errors';
import type { SqlExecutor } from './sql-executor';

/**
 * How time series are stored. Detected once, by the first storage migration, and recorded in
 * kuzet_meta; the same relations and column names exist in both modes, so reads do not care.
 *  - 'timescaledb': check_results is a hypertable, rollups are continuous aggregates,
 *    retention and compression are TimescaleDB policies.
 *  - 'postgresql': plain tables; the application keeps rollups and retention up to date.
 */
export type StorageMode = 'timescaledb' | 'postgresql';

export interface StorageInfo {
  mode: StorageMode;
  /** Installed TimescaleDB extension version, or null (plain mode). */
  timescaleVersion: string | null;
  /** True when TimescaleDB could be installed but this database was set up in plain mode. */
  timescaleAvailableButUnused: boolean;
}

export const META_TABLE = 'kuzet_meta';
export const STORAGE_MODE_KEY = 'storage_mode';

/**
 * Migration-time detection: TimescaleDB when the server offers the extension (or it is
 * already installed), plain PostgreSQL otherwise. Installs the extension in Timescale mode.
 * A server that lists timescaledb but cannot load it (not in shared_preload_libraries) makes
 * the migration fail loudly instead of silently settling for plain mode for good.
 */
export async function detectAndInstallStorageMode(db: SqlExecutor): Promise<StorageMode> {
  const rows = await db.query<{ available: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
         OR EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS available`,
  );
  if (!rows[0]?.available) return 'postgresql';
  await db.query('CREATE EXTENSION IF NOT EXISTS timescaledb');
  return 'timescaledb';
}

/** The mode recorded by the migrations; throws when they have not run. */
export async function readStorageMode(db: SqlExecutor): Promise<StorageMode> {
  const exists = await db.query<{ present: boolean }>(
    `SELECT to_regclass('${META_TABLE}') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) throw new StorageModeError(`${META_TABLE} is missing: run the migrations first`);
  const rows = await db.query<{ value: string }>(`SELECT value FROM ${META_TABLE} WHERE key = $1`, [
    STORAGE_MODE_KEY,
  ]);
  const value = rows[0]?.value;
  if (value !== 'timescaledb' && value !== 'postgresql') {
    throw new StorageModeError(
      `${META_TABLE}.${STORAGE_MODE_KEY} is ${value === undefined ? 'missing' : `"${value}"`}`,
    );
  }
  return value;
}

export async function readStorageInfo(db: SqlExecutor): Promise<StorageInfo> {
  const mode = await readStorageMode(db);
  const rows = await db.query<{ installed: string | null; available: boolean }>(
    `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb') AS installed,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') AS available`,
  );
  const installed = rows[0]?.installed ?? null;
  return {
    mode,
    timescaleVersion: mode === 'timescaledb' ? installed : null,
    timescaleAvailableButUnused: mode === 'postgresql' && Boolean(rows[0]?.available),
  };
}
