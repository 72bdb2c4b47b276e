import { allMigrations } from '../../../migrations';
import { StorageModeService } from '../../../apps/api/src/database/storage-mode.service';
import { readStorageInfo } from '../../../apps/api/src/database/storage-mode';
import type { SqlExecutor } from '../../../apps/api/src/database/sql-executor';
import { BackgroundJobsService } from '../../../apps/api/src/health/background-jobs.service';
import { HealthClock } from '../../../apps/api/src/health/health-clock';
import { HealthService } from '../../../apps/api/src/health/health.service';
import { OutboxBacklogRepository } from '../../../apps/api/src/health/outbox-backlog.repository';
import { ProbingActivityRepository } from '../../../apps/api/src/health/probing-activity.repository';
import { TimescaleJobsRepository } from '../../../apps/api/src/health/timescale-jobs.repository';
import { JobRunsService } from '../../../apps/api/src/timeseries/job-runs.service';
import { retentionSettings } from '../../../apps/api/src/timeseries/retention-settings';
import { desiredTimescalePolicies, reconcileTimescalePolicies } from '../../../apps/api/src/timeseries/timescale-policies';
import { pgliteExecutor, runMigrationsOnPglite, TimescalePglite } from '../../setup/pglite-timescale';

/**
 * /api/health in TimescaleDB mode, on the real job views (PGlite with TimescaleDB). PGlite has no
 * background worker, so no job ever runs there: the test writes what TimescaleDB's scheduler
 * writes after a failed run (a job_stat row and a failed history entry) and reads it back through
 * timescaledb_information.job_stats and job_errors, as on a real server.
 */
describe('health of TimescaleDB background jobs (PGlite TimescaleDB)', () => {
  let pg: TimescalePglite;
  let db: SqlExecutor;
  let health: HealthService;
  /** A new service reads the database afresh (one service reuses its facts for a second). */
  let makeHealth: () => HealthService;

  beforeAll(async () => {
    pg = await TimescalePglite.start();
    db = pgliteExecutor(pg);
    await runMigrationsOnPglite(pg, allMigrations);
    // The retention and compression policies, as StoragePolicyService adds them at boot.
    const settings = retentionSettings({ rawRetentionDays: 30, rollupRetentionDays: 400, compressAfterDays: 7 });
    const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
    await reconcileTimescalePolicies(db, desiredTimescalePolicies(settings), silent);
    const storage = new StorageModeService(await readStorageInfo(db));
    makeHealth = () =>
      new HealthService(
        storage,
        db,
        new HealthClock(),
        new ProbingActivityRepository(db),
        new BackgroundJobsService(storage, new TimescaleJobsRepository(db), new JobRunsService()),
        new OutboxBacklogRepository(db),
      );
    health = makeHealth();
  });

  afterAll(async () => pg?.close());

  it('lists the policy and refresh jobs of the schema, ok before any run', async () => {
    const report = await health.report();
    expect(report.storage.mode).toBe('timescaledb');
    expect(report.background_jobs?.source).toBe('timescaledb');
    const names = report.background_jobs!.jobs.map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'policy_retention:check_results',
        'policy_compression:check_results',
        'policy_refresh_continuous_aggregate:check_rollup_1m',
        'policy_refresh_continuous_aggregate:check_rollup_1h',
        'policy_refresh_continuous_aggregate:check_rollup_1d',
      ]),
    );
    expect(report.background_jobs!.ok).toBe(true);
    expect(report.status).toBe('ok');
  });

  it('says degraded, naming the job and its error, when a policy job failed its last run', async () => {
    const [job] = await db.query<{ job_id: number }>(
      `SELECT job_id FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention' AND hypertable_name = 'check_results'`,
    );
    // What the scheduler records after a failed run (TimescaleDB 2.23 catalog tables).
    await db.query(
      `INSERT INTO _timescaledb_internal.bgw_job_stat
         (job_id, last_start, last_finish, next_start, last_successful_finish, last_run_success, total_runs, total_duration,
          total_duration_failures, total_successes, total_failures, total_crashes, consecutive_failures, consecutive_crashes, flags)
       VALUES ($1, now() - interval '2 minutes', now() - interval '1 minute', now() + interval '1 hour', '-infinity', false, 4,
               interval '4 s', interval '4 s', 0, 4, 0, 4, 0, 0)`,
      [job.job_id],
    );
    await db.query(
      `INSERT INTO _timescaledb_internal.bgw_job_stat_history (job_id, pid, succeeded, execution_start, execution_finish, data)
       VALUES ($1, 4242, false, now() - interval '2 minutes', now() - interval '1 minute',
               '{"error_data": {"message": "permission denied for table check_results", "sqlerrcode": "42501"}}')`,
      [job.job_id],
    );
    const report = await makeHealth().report();
    expect(report.status).toBe('degraded');
    expect(report.background_jobs!.ok).toBe(false);
    const failing = report.background_jobs!.jobs.filter((j) => !j.ok);
    expect(failing).toEqual([
      {
        name: 'policy_retention:check_results',
        ok: false,
        last_run_at: expect.any(String),
        last_success_at: null,
        failures: 4,
        last_error: 'permission denied for table check_results',
      },
    ]);
  });

  it('is ok again once the job succeeds', async () => {
    await db.query(
      `UPDATE _timescaledb_internal.bgw_job_stat SET last_run_success = true, last_successful_finish = now(), consecutive_failures = 0, total_successes = 1
        WHERE job_id = (SELECT job_id FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention' AND hypertable_name = 'check_results')`,
    );
    const report = await makeHealth().report();
    expect(report.background_jobs!.ok).toBe(true);
    expect(report.status).toBe('ok');
  });
});
