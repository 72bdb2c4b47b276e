import type { SqlExecutor } from '../../../apps/api/src/database/sql-executor';

/** Tables, columns, indexes, constraints, triggers and recorded migrations of the public schema. */
export async function schemaSnapshot(db: SqlExecutor): Promise<Record<string, unknown[]>> {
  return {
    columns: await db.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    ),
    indexes: await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`,
    ),
    constraints: await db.query(
      `SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
         JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' ORDER BY 1, 2`,
    ),
    triggers: await db.query(
      `SELECT tgrelid::regclass::text AS rel, tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
    ),
    migrations: await db.query('SELECT id, timestamp, name FROM migrations ORDER BY id'),
    meta: await db.query('SELECT key, value FROM kuzet_meta ORDER BY key'),
  };
}
