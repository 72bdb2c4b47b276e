import { LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { allMigrations } from '../../../migrations';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../apps/api/src/config/config.module';
import { DatabaseModule } from '../../../apps/api/src/database/database.module';
import { SQL_EXECUTOR, SqlExecutor } from '../../../apps/api/src/database/sql-executor';
import type { StorageMode } from '../../../apps/api/src/database/storage-mode';
import { StorageModeService } from '../../../apps/api/src/database/storage-mode.service';
import { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import type { CheckResultRow } from '../../../apps/api/src/timeseries/check-result';
import { CheckResultsRepository } from '../../../apps/api/src/timeseries/check-results.repository';
import { RetentionJobService } from '../../../apps/api/src/timeseries/retention-job.service';
import { RollupJobService } from '../../../apps/api/src/timeseries/rollup-job.service';
import { ROLLUP_RESOLUTIONS, RollupResolution } from '../../../apps/api/src/timeseries/rollup-resolution';
import { ROLLUP_COLUMN_NAMES } from '../../../apps/api/src/timeseries/rollup-sql';
import { TimeseriesError } from '../../../apps/api/src/timeseries/timeseries.errors';
import { TimeseriesModule } from '../../../apps/api/src/timeseries/timeseries.module';
import { integrationDatabaseUrl } from '../../setup/test-database';
import { runTimescaleJobs, runTimescaleRetentionScenario } from './storage-mode-under-test';

const DAY = 86_400_000;
const CHECK = 7001;
const OLD_CHECK = 7002;
const RETENTION_CHECK = 7003;

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(m: unknown) {
    this.lines.push(String(m));
  }
  warn(m: unknown) {
    this.lines.push(`WARN ${String(m)}`);
  }
  error(m: unknown) {
    this.lines.push(`ERROR ${String(m)}`);
  }
  debug() {}
  verbose() {}
}

function r(
  time: number,
  region: string,
  outcome: CheckOutcome,
  latencyMs: number | null,
  checkId = CHECK,
): CheckResultRow {
  return {
    time: new Date(time),
    checkId,
    region,
    outcome,
    latencyMs,
    statusCode: latencyMs === null ? null : 200,
    errorClass: outcome === CheckOutcome.Down ? 'status' : null,
  };
}

/**
 * The application wiring (DatabaseModule + TimeseriesModule) on the run's database, in the mode
 * it was set up in: plain PostgreSQL here (the application's rollup and retention jobs), or
 * TimescaleDB with TEST_DATABASE_URL (the same figures out of its continuous aggregates and
 * policy jobs, run now with run_job).
 */
describe('rollup and retention jobs in the storage mode of the run database', () => {
  let app: INestApplicationContext;
  let db: SqlExecutor;
  let repo: CheckResultsRepository;
  let job: RollupJobService;
  let mode: StorageMode;
  const logger = new CapturingLogger();
  // Yesterday 10:00 UTC: inside every rollup lookback, a whole minute/hour/day to ourselves.
  const base = Math.floor(Date.now() / DAY) * DAY - DAY + 10 * 3_600_000;

  beforeAll(async () => {
    const config = loadAppConfig({ DATABASE_URL: integrationDatabaseUrl() });
    @Module({
      imports: [
        ConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        DatabaseModule.forRoot(),
        TimeseriesModule,
      ],
    })
    class TestAppModule {}
    app = await NestFactory.createApplicationContext(TestAppModule, { logger, abortOnError: false });
    db = app.get<SqlExecutor>(SQL_EXECUTOR);
    repo = app.get(CheckResultsRepository);
    job = app.get(RollupJobService);
    mode = app.get(StorageModeService).getMode();
  });

  /** What the mode's scheduler would do next: the plain job, or TimescaleDB's refresh policies. */
  const refreshRollups = async (): Promise<void> => {
    if (mode === 'postgresql') await job.runAll();
    else expect(await runTimescaleJobs(db, 'policy_refresh_continuous_aggregate')).toBe(3);
  };

  afterAll(async () => {
    await app?.close();
  });

  const rollup = (resolution: RollupResolution, checkId = CHECK) =>
    db.query<Record<string, unknown>>(
      `SELECT ${ROLLUP_COLUMN_NAMES.join(', ')} FROM check_rollup_${resolution} WHERE check_id = $1 ORDER BY bucket, region`,
      [checkId],
    );

  it("boots in the recorded mode, migrations already applied, the mode's jobs in place", async () => {
    const version = app.get(StorageModeService).getTimescaleVersion();
    if (mode === 'postgresql') {
      expect(version).toBeNull();
      expect(logger.lines).toEqual(
        expect.arrayContaining([
          `migrations: up to date (${allMigrations.length} applied)`,
          expect.stringMatching(/^storage mode: postgresql \(/),
          expect.stringMatching(/^storage policy \(postgresql\): scheduled deletes, raw 30 days/),
          expect.stringMatching(/^rollup jobs scheduled/),
        ]),
      );
      return;
    }
    expect(version).toMatch(/^2\./);
    expect(logger.lines).toEqual(
      expect.arrayContaining([
        `migrations: up to date (${allMigrations.length} applied)`,
        `storage mode: timescaledb ${version}`,
      ]),
    );
    expect(logger.lines).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^rollup jobs scheduled/)]),
    );
    await expect(job.runAll()).rejects.toBeInstanceOf(TimeseriesError);
  });

  it('computes counts by outcome, min/max/avg and percentiles per bucket (hand-computed)', async () => {
    await repo.insertBatch([
      r(base + 0, 'almaty', CheckOutcome.Up, 10),
      r(base + 10_000, 'almaty', CheckOutcome.Up, 20),
      r(base + 20_000, 'almaty', CheckOutcome.Degraded, 30),
      r(base + 30_000, 'almaty', CheckOutcome.Down, 40),
      r(base + 40_000, 'almaty', CheckOutcome.Unknown, null),
      r(base + 60_000, 'almaty', CheckOutcome.Up, 100),
      r(base + 5_000, 'astana', CheckOutcome.Down, null),
    ]);
    await refreshRollups();

    const minute = await rollup('1m');
    expect(minute).toHaveLength(3);
    expect(minute[0]).toMatchObject({
      bucket: new Date(base),
      region: 'almaty',
      total: 5,
      up_count: 2,
      degraded_count: 1,
      down_count: 1,
      unknown_count: 1,
      latency_min: 10,
      latency_max: 40,
      latency_avg: 25,
      latency_p50: 25,
    });
    expect(minute[0].latency_p95).toBeCloseTo(38.5, 9); // 30 + 0.85 * (40 - 30)
    expect(minute[0].latency_p99).toBeCloseTo(39.7, 9); // 30 + 0.97 * (40 - 30)
    expect(minute[1]).toMatchObject({
      bucket: new Date(base),
      region: 'astana',
      total: 1,
      up_count: 0,
      down_count: 1,
      latency_min: null,
      latency_max: null,
      latency_avg: null,
      latency_p50: null,
      latency_p95: null,
      latency_p99: null,
    });
    expect(minute[2]).toMatchObject({
      bucket: new Date(base + 60_000),
      region: 'almaty',
      total: 1,
      up_count: 1,
      latency_min: 100,
      latency_max: 100,
      latency_avg: 100,
      latency_p50: 100,
      latency_p95: 100,
      latency_p99: 100,
    });

    for (const [resolution, bucket] of [
      ['1h', base],
      ['1d', base - 10 * 3_600_000],
    ] as const) {
      const rows = await rollup(resolution);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        bucket: new Date(bucket),
        region: 'almaty',
        total: 6,
        up_count: 3,
        degraded_count: 1,
        down_count: 1,
        unknown_count: 1,
        latency_min: 10,
        latency_max: 100,
        latency_avg: 40,
        latency_p50: 30,
      });
      expect(rows[0].latency_p95).toBeCloseTo(88, 9); // 40 + 0.8 * (100 - 40)
      expect(rows[0].latency_p99).toBeCloseTo(97.6, 9); // 40 + 0.96 * (100 - 40)
      expect(rows[1]).toMatchObject({ region: 'astana', total: 1, down_count: 1 });
    }
  });

  it('recomputes a bucket when a late result arrives, and only then', async () => {
    await repo.insertBatch([r(base + 50_000, 'almaty', CheckOutcome.Up, 50)]);
    await refreshRollups();
    expect((await rollup('1m'))[0]).toMatchObject({
      total: 6,
      up_count: 3,
      latency_max: 50,
      latency_p50: 30,
    });
    expect((await rollup('1h'))[0]).toMatchObject({ total: 7, up_count: 4 });
    expect((await rollup('1d'))[0]).toMatchObject({ total: 7, up_count: 4 });
    // Nothing new: a run changes nothing.
    const before = await Promise.all(ROLLUP_RESOLUTIONS.map((res) => rollup(res)));
    await refreshRollups();
    expect(await Promise.all(ROLLUP_RESOLUTIONS.map((res) => rollup(res)))).toEqual(before);
  });

  it('leaves results older than a rollup lookback out of it, as the TimescaleDB refresh window does', async () => {
    const threeDaysAgo = Math.floor((Date.now() - 3 * DAY) / 60_000) * 60_000;
    await repo.insertBatch([r(threeDaysAgo, 'almaty', CheckOutcome.Up, 5, OLD_CHECK)]);
    await refreshRollups();
    expect(await rollup('1m', OLD_CHECK)).toEqual([]);
    expect(await rollup('1h', OLD_CHECK)).toHaveLength(1);
    expect(await rollup('1d', OLD_CHECK)).toHaveLength(1);
  });

  it('reads a series back through the repository at the resolution the range calls for', async () => {
    const series = await repo.rollupSeries(CHECK, new Date(base + 30_000), new Date(base + 3_600_000));
    expect(series.resolution).toBe('1m');
    expect(series.from).toEqual(new Date(base));
    expect(series.points.map((p) => [p.bucket.getTime() - base, p.region, p.total])).toEqual([
      [0, 'almaty', 6],
      [0, 'astana', 1],
      [60_000, 'almaty', 1],
    ]);
    const week = await repo.rollupSeries(
      CHECK,
      new Date(base - 3 * DAY),
      new Date(base + 4 * DAY),
      undefined,
      'almaty',
    );
    expect(week.resolution).toBe('1h');
    expect(week.points).toHaveLength(1);
    expect(week.points[0]).toMatchObject({ checkId: CHECK, region: 'almaty', total: 7, latencyMax: 100 });
  });

  it('deletes raw results and rollups past their retention (TimescaleDB: its retention policies)', async () => {
    const now = Date.now();
    if (mode === 'timescaledb') {
      expect(await runTimescaleRetentionScenario(db, RETENTION_CHECK, now)).toEqual({
        jobs: 4,
        rawLeft: 1,
        hourlyBucketAgesDays: [50, 1],
      });
      return;
    }
    await repo.insertBatch([
      r(now - 40 * DAY, 'almaty', CheckOutcome.Up, 1, RETENTION_CHECK),
      r(now - 40 * DAY + 1000, 'almaty', CheckOutcome.Up, 1, RETENTION_CHECK),
      r(now - DAY, 'almaty', CheckOutcome.Up, 1, RETENTION_CHECK),
    ]);
    await db.query(
      `INSERT INTO check_rollup_1h (bucket, check_id, region, total, up_count, degraded_count, down_count, unknown_count)
       VALUES (now() - interval '2000 days', $1, 'almaty', 1, 1, 0, 0, 0), (now() - interval '10 days', $1, 'almaty', 1, 1, 0, 0, 0)`,
      [RETENTION_CHECK],
    );
    const deleted = await app.get(RetentionJobService).runOnce(new Date(now));
    expect(deleted.check_results).toBeGreaterThanOrEqual(2);
    expect(deleted.check_rollup_1h).toBeGreaterThanOrEqual(1);
    const raw = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM check_results WHERE check_id = $1',
      [RETENTION_CHECK],
    );
    expect(raw[0].n).toBe(1);
    expect(await rollup('1h', RETENTION_CHECK)).toHaveLength(1);
  });
});
