import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadAppConfig } from '../../apps/api/src/config/app-config';

/** The local PostgreSQL of these machines (trust auth), used when it answers. */
export const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_DB_PREFIX = 'kuzet_test_';
/**
 * Where global setup publishes the server it chose (TEST_DATABASE_URL, the local one or an
 * embedded one, see test-database-server.ts); Jest forks the workers after it, so they inherit it.
 */
export const RESOLVED_ADMIN_URL_ENV = 'KUZET_TEST_ADMIN_URL';

/**
 * The admin URL (a database on a server where the tests may create databases): the one global
 * setup resolved, else TEST_DATABASE_URL, else the local server. The one place tests take it from.
 */
export function adminUrl(): string {
  return process.env[RESOLVED_ADMIN_URL_ENV] || process.env.TEST_DATABASE_URL || LOCAL_ADMIN_URL;
}

/** Host and port of that server, for the tests that put a TCP proxy in front of it. */
export function adminEndpoint(): { host: string; port: number } {
  const url = new URL(adminUrl());
  return { host: url.hostname, port: Number(url.port || 5432) };
}

/** Where global setup leaves the database name for global teardown (same Jest process). */
export function stateFile(): string {
  return join(tmpdir(), `kuzet-integration-db-${process.pid}.json`);
}

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
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
