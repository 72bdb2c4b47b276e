import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DbLogger } from '../../apps/api/src/database/db-logger';
import { redactDatabaseUrl } from '../../apps/api/src/database/db-logger';
import { EmbeddedPostgresService } from '../../apps/api/src/database/embedded-postgres.service';
import { freePort } from '../support/free-port';
import { LOCAL_ADMIN_URL } from './test-database';

/**
 * Test-only: host:port probed for a local PostgreSQL (default 127.0.0.1:5432). The clean-machine
 * CI step points it at a closed port to prove the embedded fallback on a machine that has a server.
 */
export const PROBE_ENV = 'KUZET_TEST_PG_PROBE';

export type TestServerSource = 'TEST_DATABASE_URL' | 'local' | 'embedded';

export interface TestServer {
  adminUrl: string;
  source: TestServerSource;
  /** Stops what resolveTestServer started (the embedded server); a no-op otherwise. */
  stop: () => Promise<void>;
}

const nothingToStop = async (): Promise<void> => undefined;

/**
 * The PostgreSQL server of a test run: TEST_DATABASE_URL when set (e.g. a real TimescaleDB),
 * else the local server when it answers, else an embedded PostgreSQL (the binaries of the
 * `embedded-postgres` package the app ships) in a temp folder on a free port.
 */
export async function resolveTestServer(log: DbLogger): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    log.log(`database server: TEST_DATABASE_URL (${redactDatabaseUrl(given)})`);
    return { adminUrl: given, source: 'TEST_DATABASE_URL', stop: nothingToStop };
  }
  const local = new URL(LOCAL_ADMIN_URL);
  const probe = process.env[PROBE_ENV];
  if (probe) local.host = probe;
  const refusal = await connectError(local.toString());
  if (!refusal) {
    log.log(`database server: local PostgreSQL on ${local.host}`);
    return { adminUrl: local.toString(), source: 'local', stop: nothingToStop };
  }
  log.log(`database server: no PostgreSQL usable on ${local.host} (${refusal}); starting an embedded one`);
  return startEmbedded(log);
}

async function connectError(url: string): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbedded(log: DbLogger): Promise<TestServer> {
  const baseDir = mkdtempSync(join(tmpdir(), 'kuzet-test-pg-'));
  const server = new EmbeddedPostgresService({
    baseDir,
    port: await freePort(),
    database: 'postgres',
    logger: log,
  });
  try {
    const { url } = await server.start();
    return {
      adminUrl: url,
      source: 'embedded',
      stop: async () => {
        await server.stop();
        rmSync(baseDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await server.stop().catch(() => undefined);
    rmSync(baseDir, { recursive: true, force: true });
    throw err;
  }
}
