import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../../../apps/api/src/database/data-source-options';
import { runMigrations } from '../../../../apps/api/src/database/migration-runner';
import { dataSourceExecutor, SqlExecutor } from '../../../../apps/api/src/database/sql-executor';
import { createIngestSpool } from '../../../../apps/api/src/ingest/ingest-spool';
import { IngestMetrics } from '../../../../apps/api/src/ingest/ingest-metrics';
import { IngestStore } from '../../../../apps/api/src/ingest/ingest-store';
import { IngestTimers } from '../../../../apps/api/src/ingest/ingest-timers';
import type { IngestOptions } from '../../../../apps/api/src/ingest/ingest.options';
import { IngestService } from '../../../../apps/api/src/ingest/ingest.service';
import type { MetricsRegistry } from '../../../../apps/api/src/metrics/metrics-registry.service';
import { CheckOutcome } from '../../../../apps/api/src/timeseries/check-outcome';
import type { CheckResultRow } from '../../../../apps/api/src/timeseries/check-result';
import { CheckResultsRepository } from '../../../../apps/api/src/timeseries/check-results.repository';
import { createDatabase, databaseUrl, dropDatabase, TEST_DB_PREFIX } from '../../../setup/test-database';

export const quietLog = { log: () => undefined, warn: () => undefined, error: () => undefined };

export function tempSpoolDir(): string {
  return mkdtempSync(join(tmpdir(), 'kuzet-ingest-spool-'));
}

export async function openDataSource(url: string): Promise<DataSource> {
  return new DataSource(createDataSourceOptions(url, { applicationName: 'kuzet-ingest-test' })).initialize();
}

export interface Ingest {
  service: IngestService;
  registry: Registry;
}

/** An IngestService wired by hand over a DataSource (what IngestModule does through DI). */
export function makeIngest(
  dataSource: DataSource,
  spoolDir: string,
  options: Partial<IngestOptions> = {},
): Ingest {
  const db: SqlExecutor = dataSourceExecutor(dataSource);
  const store = new IngestStore(new CheckResultsRepository(db), db);
  const registry = new Registry();
  const metrics = new IngestMetrics({ registry } as MetricsRegistry);
  const service = new IngestService(store, createIngestSpool(spoolDir), metrics, new IngestTimers(), options);
  service.start();
  return { service, registry };
}

/** Rows of these tests carry their own region, so other test files' check_results never count. */
export const TEST_REGION = 'ingest-it';

export function row(checkId: number, timeMs: number, region = TEST_REGION): CheckResultRow {
  return {
    time: new Date(timeMs),
    checkId,
    region,
    outcome: CheckOutcome.Up,
    latencyMs: 42.5,
    statusCode: 200,
    errorClass: null,
  };
}

/** A dedicated migrated database on the shared server; drop() when done. */
export async function createDedicatedDatabase(): Promise<{
  name: string;
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `${TEST_DB_PREFIX}${Date.now()}_${process.pid}${Math.floor(Math.random() * 1000)}`;
  await createDatabase(name);
  const url = databaseUrl(name);
  const ds = await openDataSource(url);
  try {
    await runMigrations(ds, quietLog);
  } finally {
    await ds.destroy();
  }
  return { name, url, drop: () => dropDatabase(name) };
}

export async function countRows(
  db: DataSource,
  checkIds: [number, number],
): Promise<{ total: number; uniq: number }> {
  const [r] = (await db.query(
    `SELECT count(*)::int AS total, count(DISTINCT (check_id, region, time))::int AS uniq
       FROM check_results WHERE check_id BETWEEN $1 AND $2 AND region = $3`,
    [...checkIds, TEST_REGION],
  )) as { total: number; uniq: number }[];
  return r;
}
