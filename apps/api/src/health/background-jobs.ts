import type { JobRun } from '../timeseries/job-runs.service';

/** One background job as /api/health reports it. */
export interface BackgroundJob {
  name: string;
  ok: boolean;
  last_run_at: string | null;
  last_success_at: string | null;
  /** Failed runs known (TimescaleDB: since the job exists; process jobs: since this process started). */
  failures: number;
  last_error: string | null;
}

export interface BackgroundJobsHealth {
  ok: boolean;
  /** Where the jobs run: TimescaleDB's scheduler (job_stats / job_errors) or this process. */
  source: 'timescaledb' | 'process';
  jobs: BackgroundJob[];
}

/** A process job without a success for this many intervals has stopped working. */
export const JOB_OVERDUE_INTERVALS = 3;

/** A row of timescaledb_information.jobs joined with job_stats and the latest job_errors entry. */
export interface TimescaleJobRow {
  proc_name: string;
  relation: string | null;
  last_run_started_at: Date | null;
  last_successful_finish: Date | null;
  last_run_status: string | null;
  total_failures: number | string | null;
  last_error: string | null;
}

const iso = (v: Date | number | null): string | null => (v === null ? null : new Date(v).toISOString());
/** TimescaleDB reports "never" as -infinity, which node-pg turns into an invalid date. */
const finite = (d: Date | null): Date | null => (d === null || Number.isNaN(new Date(d).getTime()) ? null : d);

/** A TimescaleDB job fails when its last run failed (the scheduler retries it; health must say so). Pure. */
export function judgeTimescaleJob(row: TimescaleJobRow): BackgroundJob {
  return {
    name: row.relation ? `${row.proc_name}:${row.relation}` : row.proc_name,
    ok: row.last_run_status !== 'Failed',
    last_run_at: iso(finite(row.last_run_started_at)),
    last_success_at: iso(finite(row.last_successful_finish)),
    failures: Number(row.total_failures ?? 0),
    last_error: row.last_error,
  };
}

/**
 * A process job fails when its last run failed, or when it has not succeeded for
 * JOB_OVERDUE_INTERVALS intervals (counted from its scheduling before the first success). A
 * leader-only job on a follower is never overdue: the leader runs it. Pure.
 */
export function judgeProcessJob(run: JobRun, now: number): BackgroundJob {
  const reference = Math.max(run.lastSuccessAt ?? 0, run.scheduledAt);
  const overdue = !run.elsewhere && now - reference > JOB_OVERDUE_INTERVALS * run.everyMs;
  return {
    name: run.name,
    ok: run.consecutiveFailures === 0 && !overdue,
    last_run_at: iso(run.lastStartedAt),
    last_success_at: iso(run.lastSuccessAt),
    failures: run.failures,
    last_error: run.lastError,
  };
}
