import { newJobRun } from '../timeseries/job-runs.service';
import { JobRunsService } from '../timeseries/job-runs.service';
import { JOB_OVERDUE_INTERVALS, judgeProcessJob, judgeTimescaleJob } from './background-jobs';

describe('judgeTimescaleJob', () => {
  const row = {
    proc_name: 'policy_retention',
    relation: 'check_results',
    last_run_started_at: new Date('2026-12-03T08:00:00Z'),
    last_successful_finish: new Date('2026-12-03T07:00:00Z'),
    last_run_status: 'Success',
    total_failures: '0',
    last_error: null,
  };

  it('names the job by procedure and relation, ok after a successful run', () => {
    expect(judgeTimescaleJob(row)).toEqual({
      name: 'policy_retention:check_results',
      ok: true,
      last_run_at: '2026-12-03T08:00:00.000Z',
      last_success_at: '2026-12-03T07:00:00.000Z',
      failures: 0,
      last_error: null,
    });
  });

  it('fails when the last run failed, whatever succeeded before', () => {
    const failed = judgeTimescaleJob({ ...row, last_run_status: 'Failed', total_failures: 7, last_error: 'permission denied' });
    expect(failed).toMatchObject({ ok: false, failures: 7, last_error: 'permission denied' });
  });

  it('is ok before the first run, and reads -infinity (never) as null', () => {
    const fresh = judgeTimescaleJob({ ...row, relation: null, last_run_status: null, last_run_started_at: null, last_successful_finish: new Date(NaN), total_failures: null });
    expect(fresh).toMatchObject({ name: 'policy_retention', ok: true, last_success_at: null, failures: 0 });
  });
});

describe('judgeProcessJob', () => {
  const t0 = Date.parse('2026-12-03T08:00:00Z');
  const run = newJobRun('kuzet-rollup-1m', 30_000, t0);
  const bound = JOB_OVERDUE_INTERVALS * run.everyMs;

  it('gives a new job its bound before the first success', () => {
    expect(judgeProcessJob(run, t0 + bound).ok).toBe(true);
    expect(judgeProcessJob(run, t0 + bound + 1).ok).toBe(false);
  });

  it('fails after a failed run until a run succeeds again', () => {
    const failing = { ...run, lastSuccessAt: t0, failures: 2, consecutiveFailures: 1, lastError: 'deadlock detected' };
    expect(judgeProcessJob(failing, t0 + 1_000)).toMatchObject({ ok: false, failures: 2, last_error: 'deadlock detected' });
    expect(judgeProcessJob({ ...failing, consecutiveFailures: 0 }, t0 + 1_000).ok).toBe(true);
  });

  it('fails when the last success is older than the bound (the job stopped running)', () => {
    const stale = { ...run, lastSuccessAt: t0, lastStartedAt: t0 };
    expect(judgeProcessJob(stale, t0 + bound + 1)).toMatchObject({ ok: false, last_success_at: '2026-12-03T08:00:00.000Z' });
  });

  it('is never overdue on a follower (the leader runs it); once promoted, overdue counts from the promotion', () => {
    const runs = new JobRunsService();
    runs.scheduled('kuzet-rollup', run.everyMs, t0);
    runs.runsElsewhere('kuzet-rollup');
    expect(judgeProcessJob(runs.list()[0], t0 + 10 * bound).ok).toBe(true);
    runs.started('kuzet-rollup', t0 + 10 * bound);
    expect(judgeProcessJob(runs.list()[0], t0 + 10 * bound + 1).ok).toBe(true);
    expect(judgeProcessJob(runs.list()[0], t0 + 11 * bound + 1).ok).toBe(false);
  });
});
