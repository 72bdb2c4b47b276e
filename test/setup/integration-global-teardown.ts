import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dropDatabase, stateFile } from './test-database';

/** Drops the run's test database (sessions terminated first). */
export default async function integrationGlobalTeardown(): Promise<void> {
  const file = stateFile();
  if (!existsSync(file)) return;
  const { database } = JSON.parse(readFileSync(file, 'utf8')) as { database: string };
  rmSync(file, { force: true });
  await dropDatabase(database);
  process.stdout.write(`[integration teardown] dropped test database ${database}\n`);
}
