import { allMigrations } from '../../../migrations';
import { dataSourceExecutor, SqlExecutor } from '../../../apps/api/src/database/sql-executor';
import { readStorageMode } from '../../../apps/api/src/database/storage-mode';
import { pgliteExecutor, runMigrationsOnPglite, TimescalePglite } from '../../setup/pglite-timescale';
import { AuthTestApp, startAuthTestApp } from '../auth/support/auth-test-app';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { seedDashboardData } from './support/dashboard-seed';
import { dashboardQueries, DashboardQuery, readDashboards } from './support/grafana-dashboards';
import { expandGrafanaSql } from './support/grafana-sql-macros';
import { exposedSeriesNames, promqlMetricNames } from './support/promql-metric-names';

const dashboards = readDashboards();
const queries = dashboards.flatMap(({ file, dashboard }) => dashboardQueries(file, dashboard));
const sqlQueries = queries.filter((q) => q.language === 'sql');
const promQueries = queries.filter((q) => q.language === 'promql');
const label = (q: DashboardQuery) => `${q.dashboard}: ${q.where}`;

/** Series Prometheus writes itself for every scrape target; they are never in /metrics. */
const PROMETHEUS_SERIES = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_series_added']);

const HOUR = 3_600_000;

describe('Grafana dashboards', () => {
  it('are found, each with queries, SQL and PromQL both present', () => {
    expect(dashboards.map((d) => d.file)).toEqual(
      expect.arrayContaining(['kuzet-agency.json', 'kuzet-fleet.json', 'kuzet-national.json', 'kuzet-platform.json']),
    );
    for (const { file, dashboard } of dashboards)
      expect(`${file}: ${dashboardQueries(file, dashboard).length > 0}`).toBe(`${file}: true`);
    expect(sqlQueries.length).toBeGreaterThan(15);
    expect(promQueries.length).toBeGreaterThan(15);
  });
});

/**
 * Each SQL query, with Grafana's macros and variables expanded, on a database migrated by the
 * application's migrations and holding a small catalog and a few results (support/dashboard-seed),
 * so that a renamed column or table fails here rather than on a wall screen. Both storage modes:
 * plain PostgreSQL (the run's server) and TimescaleDB (PGlite with the extension), where the
 * rollups are continuous aggregates.
 */
const storageModes: [string, () => Promise<{ db: SqlExecutor; close: () => Promise<void> }>][] = [
  [
    'PostgreSQL mode (real server)',
    async () => {
      const created = await createDedicatedDatabase();
      const ds = await openDataSource(created.url);
      return { db: dataSourceExecutor(ds), close: async () => (await ds.destroy(), await created.drop()) };
    },
  ],
  [
    'TimescaleDB mode (PGlite)',
    async () => {
      const pg = await TimescalePglite.start();
      await runMigrationsOnPglite(pg, allMigrations);
      return { db: pgliteExecutor(pg), close: () => pg.close() };
    },
  ],
];

describe.each(storageModes)('Grafana dashboard SQL on the migrated schema, %s', (mode, open) => {
  let database: { db: SqlExecutor; close: () => Promise<void> };
  const now = Date.now();
  const range = { from: new Date(now - 6 * HOUR), to: new Date(now + HOUR) };
  const run = (q: DashboardQuery, variables: Record<string, string[]>) => {
    const defs = dashboards.find((d) => d.file === q.dashboard)!.dashboard.templating?.list ?? [];
    return database.db.query<Record<string, unknown>>(expandGrafanaSql(q.text, { ...range, variables }, defs));
  };
  const variablesFor = (q: DashboardQuery) => (q.dashboard === 'kuzet-fleet.json' ? { agency: ['nit', 'mju'] } : { agency: ['nit'] });
  const find = (dashboard: string, title: string) => sqlQueries.find((q) => q.dashboard === dashboard && q.where.startsWith(`panel "${title}"`))!;

  beforeAll(async () => {
    database = await open();
    expect(await readStorageMode(database.db)).toBe(mode.startsWith('TimescaleDB') ? 'timescaledb' : 'postgresql');
    await seedDashboardData(database.db, now);
  });
  afterAll(async () => database?.close());

  it.each(sqlQueries.map((q) => [label(q), q] as const))('%s runs', async (_label, q) => {
    // Array.isArray: PGlite answers from a worker, whose arrays are of another realm.
    expect(Array.isArray(await run(q, variablesFor(q)))).toBe(true);
  });

  it('national check success is good / (total - unknown) over the range, as the SLO burn rates count it', async () => {
    const [row] = await run(find('kuzet-national.json', 'National check success (range)'), {});
    expect(Number(row.availability)).toBeCloseTo(10 / 11, 6);
    const byAgency = await run(find('kuzet-national.json', 'Agencies by check success (range)'), {});
    expect(byAgency.map((r) => [r.agency, Number(r.availability)])).toEqual([
      ['nit', 6 / 7],
      ['mju', 1],
    ]);
    const hourly = await run(find('kuzet-national.json', 'National check success per hour'), {});
    expect(hourly.map((r) => Number(r.national))).toEqual([10 / 11]);
  });

  it('the agency drill-down shows only the chosen agency, and its variable lists the agencies', async () => {
    const systems = await run(find('kuzet-agency.json', 'Systems (range)'), { agency: ['nit'] });
    expect(systems.map((r) => [r.system, Number(r.failed)])).toEqual([
      ['gateway', 1],
      ['portal', 0],
    ]);
    const incidents = await run(find('kuzet-agency.json', 'Incidents opened in range'), { agency: ['nit'] });
    expect(incidents.map((r) => r.title)).toEqual(['Gateway down']);
    expect(await run(find('kuzet-agency.json', 'Incidents opened in range'), { agency: ['mju'] })).toEqual([]);
    const variable = sqlQueries.find((q) => q.dashboard === 'kuzet-agency.json' && q.where === 'variable $agency')!;
    expect((await run(variable, {})).map((r) => r.__value)).toEqual(['mju', 'nit']);
  });
});

/** Each metric a PromQL query selects must be one the application's /metrics exposes. */
describe('Grafana dashboard PromQL against /metrics (whole app, real PostgreSQL)', () => {
  let t: AuthTestApp;
  let exposed: Set<string>;

  beforeAll(async () => {
    t = await startAuthTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    exposed = exposedSeriesNames(res.body);
  });
  afterAll(async () => t?.close());

  it('the scrape is parsed into series names', () => {
    expect(exposed.has('kuzet_ingest_rows_written_total')).toBe(true);
    expect(exposed.has('kuzet_ingest_batch_write_seconds_bucket')).toBe(true);
  });

  it.each(promQueries.map((q) => [label(q), q] as const))('%s selects exposed metrics only', (_label, q) => {
    const names = promqlMetricNames(q.text);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !exposed.has(n) && !PROMETHEUS_SERIES.has(n))).toEqual([]);
  });
});
