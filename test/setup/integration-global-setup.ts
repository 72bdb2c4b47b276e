import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../apps/api/src/database/data-source-options';
import type { DbLogger } from '../../apps/api/src/database/db-logger';
import { runMigrations } from '../../apps/api/src/database/migration-runner';
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  RESOLVED_ADMIN_URL_ENV,
  stateFile,
  TEST_DB_PREFIX,
  withAdminClient,
} from './test-database';
import { resolveTestServer, TestServer } from './test-database-server';

const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const log: DbLogger = {
  log: (m) => process.stdout.write(`[integration setup] ${m}\n`),
  warn: (m) => process.stdout.write(`[integration setup] WARN ${m}\n`),
  error: (m) => process.stderr.write(`[integration setup] ERROR ${m}\n`),
};

/** Jest gives globalTeardown the globals of globalSetup (same process): the server to stop. */
export interface TestServerGlobal {
  kuzetTestServer?: TestServer;
}

/**
 * One fresh database per test run, migrated once, on the server resolveTestServer picks
 * (TEST_DATABASE_URL, the local PostgreSQL or an embedded one); its URL reaches the test
 * workers as DATABASE_URL and the server's admin URL as KUZET_TEST_ADMIN_URL (the workers
 * are forked after this runs).
 */
export default async function integrationGlobalSetup(): Promise<void> {
  const t0 = Date.now();
  if (existsSync(stateFile())) {
    // Already set up by this process (another project of the same run): reuse. A file left by
    // a crashed run whose pid we happen to reuse is not ours: start afresh.
    const { database } = JSON.parse(readFileSync(stateFile(), 'utf8')) as { database: string };
    if (process.env.DATABASE_URL === databaseUrl(database)) return;
  }
  const server = await resolveTestServer(log);
  (globalThis as TestServerGlobal).kuzetTestServer = server;
  process.env[RESOLVED_ADMIN_URL_ENV] = server.adminUrl;
  await dropStaleDatabases();
  const database = `${TEST_DB_PREFIX}${Date.now()}_${process.pid}`;
  await createDatabase(database);
  writeFileSync(stateFile(), JSON.stringify({ database }));
  const url = databaseUrl(database);
  process.env.DATABASE_URL = url;
  const dataSource = await new DataSource(
    createDataSourceOptions(url, { applicationName: 'kuzet-test-setup' }),
  ).initialize();
  try {
    await runMigrations(dataSource, log);
  } finally {
    await dataSource.destroy();
  }
  log.log(`test database ${database} ready in ${Date.now() - t0}ms`);
}

/** Databases left by runs that died before their teardown (older than a day). */
async function dropStaleDatabases(): Promise<void> {
  const names = await withAdminClient(async (c) =>
    (
      await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `${TEST_DB_PREFIX}%`,
      ])
    ).rows.map((r) => r.datname),
  );
  for (const name of names) {
    const ts = Number(/^kuzet_test_(\d{13})_\d+$/.exec(name)?.[1]);
    if (Number.isFinite(ts) && Date.now() - ts > STALE_AFTER_MS) {
      await dropDatabase(name);
      log.log(`dropped stale test database ${name}`);
    }
  }
}
