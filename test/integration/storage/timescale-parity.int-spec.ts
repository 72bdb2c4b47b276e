import { DataSource } from 'typeorm';
import { allMigrations } from '../../../migrations';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import type { DbLogger } from '../../../apps/api/src/database/db-logger';
import { dataSourceExecutor, inTransaction, SqlExecutor } from '../../../apps/api/src/database/sql-executor';
import { readStorageInfo, readStorageMode, StorageMode } from '../../../apps/api/src/database/storage-mode';
import { CheckResultsRepository } from '../../../apps/api/src/timeseries/check-results.repository';
import { refreshPlainRollup } from '../../../apps/api/src/timeseries/plain-rollup';
import { retentionSettings } from '../../../apps/api/src/timeseries/retention-settings';
import {
  ROLLUP_RESOLUTIONS,
  ROLLUP_SPECS,
  RollupResolution,
} from '../../../apps/api/src/timeseries/rollup-resolution';
import { ROLLUP_COLUMN_NAMES } from '../../../apps/api/src/timeseries/rollup-sql';
import {
  desiredTimescalePolicies,
  reconcileTimescalePolicies,
} from '../../../apps/api/src/timeseries/timescale-policies';
import { pgliteExecutor, runMigrationsOnPglite, TimescalePglite } from '../../setup/pglite-timescale';
import { integrationDatabaseUrl } from '../../setup/test-database';
import { batches, deterministicResults } from './deterministic-results';
import {
  checkRelations,
  expectedCheckRelations,
  expectedInvalidationLog,
  invalidationLog,
  runTimescaleJobs,
  runTimescaleRetentionScenario,
} from './storage-mode-under-test';

const HOUR = 3_600_000;
const CHECK_IDS = [9101, 9102];
const REGIONS = ['almaty', 'astana'];
const silent: DbLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Rows of a rollup relation for our checks and regions, normalised for comparison. The run
 * database is shared: other suites' rows (other regions) must not count here.
 */
async function rollupRows(db: SqlExecutor, resolution: RollupResolution): Promise<Record<string, unknown>[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${ROLLUP_COLUMN_NAMES.join(', ')} FROM ${ROLLUP_SPECS[resolution].relation}
      WHERE check_id = ANY($1::int[]) AND region = ANY($2::text[]) ORDER BY bucket, check_id, region`,
    [CHECK_IDS, REGIONS],
  );
  return rows.map((r) => ({ ...r, bucket: new Date(r.bucket as string | Date).toISOString() }));
}

/**
 * The TimescaleDB path, for real, in PGlite: every migration (the catalog's too) in order,
 * then the same data as in the run database, and the same rollup figures out of both. The run
 * database is plain PostgreSQL here (the parity that matters), or a TimescaleDB server when
 * TEST_DATABASE_URL names one. The TimescaleDB branches of the other storage tests'
 * helpers (storage-mode-under-test.ts) are checked here on PGlite.
 */
describe('TimescaleDB mode (PGlite) against the run database', () => {
  let pg: TimescalePglite;
  let tsdb: SqlExecutor;
  let plainSource: DataSource;
  let plain: SqlExecutor;
  let runMode: StorageMode;
  let migrated: string[];
  // 26 hours of results every 30 s, ending an hour before now: inside every rollup lookback
  // and always across a UTC midnight (two daily buckets at least).
  const start = new Date(Math.floor(Date.now() / HOUR) * HOUR - 27 * HOUR);
  const data = deterministicResults({
    checkIds: CHECK_IDS,
    regions: REGIONS,
    start,
    count: 26 * 120,
    stepSeconds: 30,
  });

  beforeAll(async () => {
    pg = await TimescalePglite.start();
    tsdb = pgliteExecutor(pg);
    migrated = await runMigrationsOnPglite(pg, allMigrations);
    plainSource = await new DataSource(createDataSourceOptions(integrationDatabaseUrl())).initialize();
    plain = dataSourceExecutor(plainSource);
    runMode = await readStorageMode(plain);
  });

  afterAll(async () => {
    await pg?.close();
    if (plainSource?.isInitialized) await plainSource.destroy();
  });

  it('runs every migration in order and records timescaledb mode', async () => {
    expect(migrated).toHaveLength(allMigrations.length);
    const info = await readStorageInfo(tsdb);
    expect(info.mode).toBe('timescaledb');
    expect(info.timescaleVersion).toMatch(/^2\.23\./);
    expect(await checkRelations(tsdb)).toEqual(expectedCheckRelations('timescaledb'));
    expect(await invalidationLog(tsdb)).toEqual(expectedInvalidationLog('timescaledb'));
  });

  it('makes check_results a compressed hypertable with 1-day chunks', async () => {
    const hypertables = await tsdb.query(
      `SELECT hypertable_name, compression_enabled FROM timescaledb_information.hypertables WHERE hypertable_name = 'check_results'`,
    );
    expect(hypertables).toEqual([{ hypertable_name: 'check_results', compression_enabled: true }]);
    const dims = await tsdb.query<{ column_name: string; time_interval: unknown }>(
      `SELECT column_name, extract(epoch FROM time_interval)::float8 AS seconds FROM timescaledb_information.dimensions WHERE hypertable_name = 'check_results'`,
    );
    expect(dims).toEqual([{ column_name: 'time', seconds: 86_400 }]);
    const settings = await tsdb.query(
      `SELECT attname, segmentby_column_index, orderby_column_index, orderby_asc FROM timescaledb_information.compression_settings
        WHERE hypertable_name = 'check_results' ORDER BY attname`,
    );
    expect(settings).toEqual([
      { attname: 'check_id', segmentby_column_index: 1, orderby_column_index: null, orderby_asc: null },
      { attname: 'region', segmentby_column_index: 2, orderby_column_index: null, orderby_asc: null },
      { attname: 'time', segmentby_column_index: null, orderby_column_index: 1, orderby_asc: false },
    ]);
  });

  it('creates the three continuous aggregates, real-time, with refresh policies', async () => {
    const caggs = await tsdb.query(
      `SELECT view_name, hypertable_name, materialized_only FROM timescaledb_information.continuous_aggregates ORDER BY view_name`,
    );
    expect(caggs).toEqual(
      ['check_rollup_1d', 'check_rollup_1h', 'check_rollup_1m'].map((view_name) => ({
        view_name,
        hypertable_name: 'check_results',
        materialized_only: false,
      })),
    );
    const jobs = await tsdb.query<{ hypertable_name: string; start_s: number; end_s: number }>(
      `SELECT hypertable_name, extract(epoch FROM (config->>'start_offset')::interval)::float8 AS start_s,
              extract(epoch FROM (config->>'end_offset')::interval)::float8 AS end_s
         FROM timescaledb_information.jobs WHERE proc_name = 'policy_refresh_continuous_aggregate' ORDER BY hypertable_name`,
    );
    expect(jobs).toEqual(
      (['1d', '1h', '1m'] as const).map((r) => ({
        hypertable_name: ROLLUP_SPECS[r].relation,
        start_s: ROLLUP_SPECS[r].lookbackMs / 1000,
        end_s: expect.any(Number),
      })),
    );
  });

  it('applies retention and compression policies from configuration, idempotently', async () => {
    const config = { rawRetentionDays: 30, rollupRetentionDays: 1825, compressAfterDays: 3 };
    const first = await reconcileTimescalePolicies(
      tsdb,
      desiredTimescalePolicies(retentionSettings(config)),
      silent,
    );
    expect(first).toHaveLength(5);
    const jobs = await tsdb.query(
      `SELECT proc_name, hypertable_name AS relation,
              extract(epoch FROM COALESCE(config->>'drop_after', config->>'compress_after')::interval)::float8 / 86400 AS days
         FROM timescaledb_information.jobs WHERE proc_name IN ('policy_retention', 'policy_compression') ORDER BY 1, 2`,
    );
    expect(jobs).toEqual([
      { proc_name: 'policy_compression', relation: 'check_results', days: 3 },
      { proc_name: 'policy_retention', relation: 'check_results', days: 30 },
      { proc_name: 'policy_retention', relation: 'check_rollup_1d', days: 1825 },
      { proc_name: 'policy_retention', relation: 'check_rollup_1h', days: 1825 },
      { proc_name: 'policy_retention', relation: 'check_rollup_1m', days: 30 },
    ]);
    expect(
      await reconcileTimescalePolicies(tsdb, desiredTimescalePolicies(retentionSettings(config)), silent),
    ).toEqual([]);
    const changed = await reconcileTimescalePolicies(
      tsdb,
      desiredTimescalePolicies(retentionSettings({ ...config, rawRetentionDays: 45 })),
      silent,
    );
    expect(changed.map((c) => [c.policy.relation, c.previousDays, c.policy.days])).toEqual([
      ['check_results', 30, 45],
      ['check_rollup_1m', 30, 45],
    ]);
    const count = await tsdb.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention'`,
    );
    expect(count[0].n).toBe(4);
  });

  it('gives identical rollups in both modes for the same results (all columns, 1m, 1h, 1d)', async () => {
    const tsRepo = new CheckResultsRepository(tsdb);
    const plainRepo = new CheckResultsRepository(plain);
    let insertedTs = 0;
    let insertedPlain = 0;
    for (const batch of batches(data, 2000)) {
      insertedTs += await tsRepo.insertBatch(batch);
      insertedPlain += await plainRepo.insertBatch(batch);
    }
    expect(insertedTs).toBe(data.length);
    expect(insertedPlain).toBe(data.length);
    // A replayed batch changes nothing in either mode.
    expect(await tsRepo.insertBatch(data.slice(0, 500))).toBe(0);
    expect(await plainRepo.insertBatch(data.slice(0, 500))).toBe(0);

    // Real-time aggregation (nothing materialised yet) already equals the plain job's output...
    const now = new Date();
    for (const resolution of ROLLUP_RESOLUTIONS) {
      if (runMode === 'postgresql')
        await inTransaction(plainSource, (tx) => refreshPlainRollup(tx, resolution, now));
      else
        await plain.query(
          `CALL refresh_continuous_aggregate('${ROLLUP_SPECS[resolution].relation}', NULL, NULL)`,
        );
    }
    const expectedRows = { '1m': 4 * 26 * 60, '1h': 4 * 26, '1d': 4 * 2 };
    for (const resolution of ROLLUP_RESOLUTIONS) {
      const plainRows = await rollupRows(plain, resolution);
      expect(plainRows.length).toBeGreaterThanOrEqual(expectedRows[resolution]);
      if (resolution !== '1d') expect(plainRows).toHaveLength(expectedRows[resolution]);
      expect(await rollupRows(tsdb, resolution)).toEqual(plainRows);
    }

    // ...and so do the materialised continuous aggregates after a refresh.
    for (const resolution of ROLLUP_RESOLUTIONS) {
      const relation = ROLLUP_SPECS[resolution].relation;
      await pg.exec(`CALL refresh_continuous_aggregate('${relation}', NULL, NULL)`);
      await pg.exec(`ALTER MATERIALIZED VIEW ${relation} SET (timescaledb.materialized_only = true)`);
      const plainRows = await rollupRows(plain, resolution);
      const materialised = await rollupRows(tsdb, resolution);
      expect(materialised).toEqual(plainRows);
      const sums = (rows: Record<string, unknown>[], key: string) =>
        rows.reduce((s, r) => s + Number(r[key]), 0);
      expect(sums(materialised, 'total')).toBe(data.length);
      await pg.exec(`ALTER MATERIALIZED VIEW ${relation} SET (timescaledb.materialized_only = false)`);
    }

    // The repository reads the same series from both.
    const from = new Date(start.getTime() + 2 * HOUR);
    const to = new Date(start.getTime() + 8 * HOUR);
    const tsSeries = await tsRepo.rollupSeries(CHECK_IDS[0], from, to);
    const plainSeries = await plainRepo.rollupSeries(CHECK_IDS[0], from, to);
    expect(tsSeries.resolution).toBe('1m');
    expect(tsSeries.points).toHaveLength(6 * 60 * REGIONS.length);
    expect(tsSeries).toEqual(plainSeries);
  });

  it('runs its policy jobs on demand, as the storage tests do against a TimescaleDB server', async () => {
    // Back to the defaults the app applies at boot (30-day raw retention, 1825-day rollups).
    const defaults = { rawRetentionDays: 30, rollupRetentionDays: 1825, compressAfterDays: 3 };
    await reconcileTimescalePolicies(tsdb, desiredTimescalePolicies(retentionSettings(defaults)), silent);
    expect(await runTimescaleJobs(tsdb, 'policy_refresh_continuous_aggregate')).toBe(3);
    expect(await runTimescaleRetentionScenario(tsdb, 9109)).toEqual({
      jobs: 4,
      rawLeft: 1,
      hourlyBucketAgesDays: [50, 1],
    });
  });
});
