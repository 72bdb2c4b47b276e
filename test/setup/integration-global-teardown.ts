import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { TestServerGlobal } from './integration-global-setup';
import { dropDatabase, stateFile } from './test-database';

/** Drops the run's test database (sessions terminated first), then stops an embedded server. */
export default async function integrationGlobalTeardown(): Promise<void> {
  const file = stateFile();
  if (!existsSync(file)) return;
  const { database } = JSON.parse(readFileSync(file, 'utf8')) as { database: string };
  rmSync(file, { force: true });
  const holder = globalThis as TestServerGlobal;
  const server = holder.kuzetTestServer;
  holder.kuzetTestServer = undefined;
  if (server?.source === 'embedded') {
    // The whole cluster goes with its temp folder: no database to drop one by one.
    await server.stop();
    process.stdout.write(`[integration teardown] stopped the embedded test server\n`);
    return;
  }
  await dropDatabase(database);
  process.stdout.write(`[integration teardown] dropped test database ${database}\n`);
}
