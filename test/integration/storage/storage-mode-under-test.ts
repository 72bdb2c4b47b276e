import type { SqlExecutor } from '../../../apps/api/src/database/sql-executor';
import type { StorageMode } from '../../../apps/api/src/database/storage-mode';
import { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import { CheckResultsRepository } from '../../../apps/api/src/timeseries/check-results.repository';

/**
 * What the storage tests expect of each mode. The run database is plain PostgreSQL on these
 * machines and TimescaleDB when TEST_DATABASE_URL names such a server; the tests read the mode
 * the migrations recorded and take the matching branch. timescale-parity.int-spec.ts checks
 * the TimescaleDB branch of each helper on PGlite with TimescaleDB.
 */

export type TimescaleJobKind = 'policy_refresh_continuous_aggregate' | 'policy_retention';

/** Relations named check_% in the public schema after every migration (views included). */
export function expectedCheckRelations(mode: StorageMode): string[] {
  const both = [
    'check_failure_details',
    'check_latest_details',
    'check_results',
    'check_rollup_1d',
    'check_rollup_1h',
    'check_rollup_1m',
    'checks',
  ];
  // Plain mode logs what the rollup job must recompute; TimescaleDB tracks that itself.
  return (mode === 'postgresql' ? [...both, 'check_rollup_invalidations'] : both).sort();
}

export async function checkRelations(db: SqlExecutor): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'check_%' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

export interface InvalidationLog {
  /** The plain rollup job's log relation, or null. */
  log: string | null;
  /** Kuzet's triggers on check_results that fill it. */
  triggers: number;
}

export async function invalidationLog(db: SqlExecutor): Promise<InvalidationLog> {
  const rows = await db.query<InvalidationLog>(
    `SELECT to_regclass('check_rollup_invalidations')::text AS log,
            (SELECT count(*)::int FROM pg_trigger
              WHERE tgrelid = 'check_results'::regclass AND tgname = 'check_results_rollup_invalidation') AS triggers`,
  );
  return rows[0];
}

/** Plain mode logs what the rollup job must recompute; TimescaleDB tracks that itself. */
export function expectedInvalidationLog(mode: StorageMode): InvalidationLog {
  return mode === 'postgresql'
    ? { log: 'check_rollup_invalidations', triggers: 1 }
    : { log: null, triggers: 0 };
}

/**
 * Runs TimescaleDB's own policy jobs of one kind now, in the foreground, as its scheduler
 * would (the TimescaleDB counterpart of RollupJobService.runAll / RetentionJobService.runOnce).
 * Returns how many jobs ran.
 */
export async function runTimescaleJobs(db: SqlExecutor, kind: TimescaleJobKind): Promise<number> {
  const jobs = await db.query<{ job_id: number }>(
    'SELECT job_id FROM timescaledb_information.jobs WHERE proc_name = $1 ORDER BY job_id',
    [kind],
  );
  // CALL outside a transaction: a refresh commits as it goes and refuses a transaction block.
  for (const { job_id } of jobs) await db.query(`CALL run_job(${Number(job_id)})`);
  return jobs.length;
}

const DAY_MS = 86_400_000;

/**
 * TimescaleDB mode's retention, end to end: raw results 2000, 50 and 1 day(s) old for one check,
 * the 1h continuous aggregate materialised over them (it takes no INSERT), then the retention
 * policy jobs run. With the default 30-day raw and 1825-day rollup retention, one raw row is
 * left and hourly buckets 50 and 1 day(s) old.
 */
export async function runTimescaleRetentionScenario(
  db: SqlExecutor,
  checkId: number,
  now = Date.now(),
): Promise<{ jobs: number; rawLeft: number; hourlyBucketAgesDays: number[] }> {
  const rows = [2000, 50, 1].map((days) => ({
    time: new Date(now - days * DAY_MS),
    checkId,
    region: 'almaty',
    outcome: CheckOutcome.Up,
    latencyMs: 1,
    statusCode: 200,
    errorClass: null,
  }));
  await new CheckResultsRepository(db).insertBatch(rows);
  await db.query(`CALL refresh_continuous_aggregate('check_rollup_1h', NULL, NULL)`);
  const jobs = await runTimescaleJobs(db, 'policy_retention');
  const raw = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM check_results WHERE check_id = $1',
    [checkId],
  );
  const buckets = await db.query<{ bucket: Date | string }>(
    'SELECT bucket FROM check_rollup_1h WHERE check_id = $1 ORDER BY bucket',
    [checkId],
  );
  return {
    jobs,
    rawLeft: raw[0].n,
    hourlyBucketAgesDays: buckets.map((b) => Math.round((now - new Date(b.bucket).getTime()) / DAY_MS)),
  };
}
