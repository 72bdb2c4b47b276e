import type { HealthReport } from '../../../apps/api/src/health/health.dto';
import { HealthModule } from '../../../apps/api/src/health/health.module';
import { EmbeddedAgentService } from '../../../apps/api/src/probing/embedded/embedded-agent.service';
import { ProbingMetrics } from '../../../apps/api/src/probing/metrics/probing-metrics.service';
import { MetricsRegistry } from '../../../apps/api/src/metrics/metrics-registry.service';
import { probedCheckIds, ProbingTestEnv, startProbingTestEnv, waitFor } from './support/probing-test-app';

/**
 * The embedded agent in its worker thread (the application's default): its result batches reach
 * check_results through the main thread's intake, its lag observations and skip counts reach the
 * metrics, its state and status reach /api/health, and overload shows as "probe overloaded"
 * while readiness stays up.
 */
describe('probing: the embedded agent in a worker thread', () => {
  let env: ProbingTestEnv;

  beforeAll(async () => {
    env = await startProbingTestEnv({
      probing: { embeddedAgentMode: 'worker' },
      imports: (probing) => [HealthModule.forRoot({ imports: [probing] })],
    });
  });

  afterAll(async () => {
    await env?.close();
  });

  /** The value of the first sample of `name` whose labels include `labels` (e.g. 'reason="expired"'). */
  const metric = async (name: string, labels = '') => {
    const text = await env.app.get(MetricsRegistry).registry.metrics();
    const line = text.split('\n').find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && l.includes(labels));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };

  it('stores results of every check, with details, from the worker thread', async () => {
    const ids = await probedCheckIds(env.db);
    expect(ids).toHaveLength(8);
    await waitFor('two results for every check', async () => {
      const rows = await env.db.query<{ check_id: number; n: string }>(`SELECT check_id, count(*) AS n FROM check_results GROUP BY check_id`);
      const counts = new Map(rows.map((r) => [Number(r.check_id), Number(r.n)]));
      return ids.every((id) => (counts.get(id) ?? 0) >= 2) || undefined;
    });
    const details = await env.db.query<{ n: string }>('SELECT count(*) AS n FROM check_latest_details');
    expect(Number(details[0].n)).toBe(8);
    const embedded = env.app.get(EmbeddedAgentService);
    expect(embedded.status()).toEqual({ mode: 'worker', running: true, restarts: 0, last_exit: null });
    await waitFor('the worker state', () => embedded.state()?.checks === 8 || undefined);
    expect(embedded.state()?.running).toBe(true);
    // Lags arrive batched from the worker into the main thread's histogram.
    expect(await metric('kuzet_probe_schedule_lag_seconds_count')).toBeGreaterThanOrEqual(16);
    expect(await metric('kuzet_probe_results_received_total', 'source="embedded"')).toBeGreaterThanOrEqual(16);
  });

  it('reports the agent in /api/health, and "probe overloaded" when a minute of runs is mostly skipped, readiness staying up', async () => {
    const before = (await (await fetch(`${env.baseUrl}/api/health`)).json()) as HealthReport;
    expect(before.probe_agent).toMatchObject({ ok: true, problem: null, mode: 'worker', running: true, restarts: 0 });
    expect(before.probe_agent?.planned_last_minute).toBeGreaterThan(0);
    // What the worker reports under overload: many runs skipped (expired in the queues).
    env.app.get(ProbingMetrics).observeSkipped({ expired: 5_000 }, Date.now());
    const res = await fetch(`${env.baseUrl}/api/health`);
    const after = (await res.json()) as HealthReport;
    expect(after.probe_agent).toMatchObject({ ok: false, problem: 'probe overloaded', running: true });
    expect(after.probe_agent?.skipped_share).toBeGreaterThan(0.9);
    expect(after.status).toBe('degraded');
    expect(res.status).toBe(503);
    expect(await metric('kuzet_probe_runs_skipped_total', 'reason="expired"')).toBeGreaterThanOrEqual(5_000);
    // The health gauges reuse a report for a second.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await metric('kuzet_health_ok', 'component="probe_agent"')).toBe(0);
    const ready = await fetch(`${env.baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
  });

  it('stops the worker on shutdown: runs stopped, results flushed, the thread gone', async () => {
    const embedded = env.app.get(EmbeddedAgentService);
    await embedded.onModuleDestroy();
    expect(embedded.status()).toBeNull();
    const count = async () => Number((await env.db.query<{ n: string }>('SELECT count(*) AS n FROM check_results'))[0].n);
    const stored = await count();
    // The checks run every second: a thread still probing would have stored more by now.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await count()).toBe(stored);
  });
});
