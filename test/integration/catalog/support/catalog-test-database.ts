import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../../../apps/api/src/database/data-source-options';
import { runMigrations } from '../../../../apps/api/src/database/migration-runner';
import { createDatabase, databaseUrl, dropDatabase, TEST_DB_PREFIX } from '../../../setup/test-database';

const quiet = {
  log: () => undefined,
  warn: () => undefined,
  error: (m: string) => process.stderr.write(`${m}\n`),
};

/**
 * A migrated database of this test file's own, on the run's PostgreSQL server. Applying a catalog
 * folder disables every folder-sourced row the folder lacks: in the run's shared database, test
 * files running in parallel (this module's or another's) would disable each other's rows.
 * Named like the run database so that global setup's stale-database sweep also finds it.
 */
export async function createCatalogTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DB_PREFIX}${Date.now()}_${process.pid}${Math.floor(Math.random() * 1000)}`;
  await createDatabase(name);
  const url = databaseUrl(name);
  const ds = await new DataSource(
    createDataSourceOptions(url, { applicationName: 'kuzet-catalog-test' }),
  ).initialize();
  try {
    await runMigrations(ds, quiet);
  } finally {
    await ds.destroy();
  }
  return { url, drop: () => dropDatabase(name) };
}
