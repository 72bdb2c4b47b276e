import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadAppConfig } from '../../apps/api/src/config/app-config';

/** The PostgreSQL server of the integration tests (trust auth on these machines). */
export const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_DB_PREFIX = 'kuzet_test_';

/** Where global setup leaves the database name for global teardown (same Jest process). */
export function stateFile(): string {
  return join(tmpdir(), `kuzet-integration-db-${process.pid}.json`);
}

export function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<void> {
  await withAdminClient((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
}

/** Terminates the database's sessions first, then drops it. */
export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient(async (c) => {
    await c.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/** The migrated per-run test database, as global setup exported it (through AppConfig). */
export function integrationDatabaseUrl(): string {
  const url = loadAppConfig(process.env).databaseUrl;
  if (!url)
    throw new Error(
      'DATABASE_URL is not set: run through the integration Jest project (its global setup creates the database)',
    );
  return url;
}
