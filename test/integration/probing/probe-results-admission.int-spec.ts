import { phaseOf, slotAtOrAfter } from '@kuzet/checks';
import { MetricsRegistry } from '../../../apps/api/src/metrics/metrics-registry.service';
import { ProbeTokensService } from '../../../apps/api/src/probing/tokens/probe-tokens.service';
import { ProbingTestEnv, startProbingTestEnv, waitFor } from './support/probing-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * POST /api/probe/v1/results accepts a result only for a check assigned to the token's region, at
 * a planned time between the replay horizon and now plus the clock-skew allowance; everything
 * else is rejected with a counted reason and never stored (issue 10, item 2). The embedded agent
 * probes the simulator meanwhile: it is the "real probe" of region local.
 */
describe('probing: forged probe results are refused', () => {
  let env: ProbingTestEnv;
  let localToken: string;
  let astanaToken: string;
  let check: { id: number; key: string; interval_ms: number };

  const post = async (token: string, results: unknown[], batchId = `batch-${Math.random().toString(36).slice(2)}`) => {
    const res = await fetch(`${env.baseUrl}/api/probe/v1/results`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ batch_id: batchId, agent_id: 'forger', results }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const record = (plannedAt: number, extra: Record<string, unknown> = {}) => ({
    check_id: check.id,
    region: 'local',
    planned_at: plannedAt,
    outcome: 3,
    latency_ms: 1,
    status_code: 503,
    error_class: 'status',
    error_message: 'forged',
    ...extra,
  });
  const count = async (sql: string, params: unknown[]) => Number((await env.db.query<{ n: string }>(sql, params))[0].n);

  beforeAll(async () => {
    env = await startProbingTestEnv({ probing: { clockSkewMs: 5_000, replayHorizonMs: 3_600_000 } });
    const tokens = env.app.get(ProbeTokensService);
    localToken = (await tokens.create('local', 'forger')).token;
    astanaToken = (await tokens.create('astana', 'forger-astana')).token;
    const [row] = await env.db.query<{ id: number; key: string; interval_s: string }>(
      `SELECT id, key, interval_s FROM checks WHERE kind = 'http' AND enabled ORDER BY id LIMIT 1`,
    );
    check = { id: Number(row.id), key: row.key, interval_ms: Number(row.interval_s) * 1000 };
  });

  afterAll(async () => {
    await env?.close();
  });

  it('rejects future slots; the real probe stores its own results for them later', async () => {
    const phase = phaseOf(check.key, check.interval_ms);
    // 40 future slots on the check's own grid, starting 8 s ahead (past the 5 s skew allowance).
    const first = slotAtOrAfter(Date.now() + 8_000, check.interval_ms, phase);
    const slots = Array.from({ length: 40 }, (_, i) => first + i * check.interval_ms);
    const forged = await post(localToken, slots.map((t) => record(t)));
    expect(forged.status).toBe(200);
    expect(forged.body).toMatchObject({ accepted: 0, duplicates: 0, rejected: { planned_in_future: 40 } });
    expect(await count('SELECT count(*) AS n FROM check_results WHERE check_id = $1 AND time >= $2', [check.id, new Date(first)])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM check_failure_details WHERE error_message = $1', ['forged'])).toBe(0);

    // The embedded agent's own results for the first slots are stored (the simulator is healthy: up).
    const rows = await waitFor(
      'the real results of the first three forged slots',
      async () => {
        const r = await env.db.query<{ time: Date; outcome: number }>(
          'SELECT time, outcome FROM check_results WHERE check_id = $1 AND region = $2 AND time = ANY($3::timestamptz[]) ORDER BY time',
          [check.id, 'local', slots.slice(0, 3).map((t) => new Date(t))],
        );
        return r.length === 3 ? r : undefined;
      },
      30_000,
    );
    expect(rows.map((r) => Number(r.outcome))).toEqual([0, 0, 0]);
  });

  it('rejects results from a region that serves none of the check', async () => {
    const now = Date.now() - 2_000;
    const res = await post(astanaToken, [record(now, { region: 'astana' }), record(now - 1000, { region: 'astana' })]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 0, rejected: { region_not_assigned: 2 } });
    expect(await count(`SELECT count(*) AS n FROM check_results WHERE region = 'astana'`, [])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM check_latest_details WHERE region = 'astana'`, [])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM check_failure_details WHERE region = 'astana'`, [])).toBe(0);
  });

  it('rejects unknown check ids without storing results or detail rows', async () => {
    const now = Date.now() - 60_000;
    const results = Array.from({ length: 5000 }, (_, i) => record(now + i, { check_id: 999_999 }));
    const res = await post(localToken, results);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 0, rejected: { unknown_check: 5000 } });
    expect(await count('SELECT count(*) AS n FROM check_results WHERE check_id = 999999', [])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM check_failure_details WHERE check_id = 999999', [])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM check_latest_details WHERE check_id = 999999', [])).toBe(0);
  });

  it('rejects results older than the replay horizon, accepts off-grid rechecks, and counts every reason', async () => {
    const recheckAt = Date.now() - 300;
    const res = await post(localToken, [
      record(Date.now() - 3_600_000 - 60_000),
      record(recheckAt, { recheck: true, outcome: 0, status_code: 200, error_class: null, error_message: null }),
      record(Date.now() + 60_000),
    ]);
    expect(res.body).toEqual({
      batch_id: expect.any(String),
      accepted: 1,
      duplicates: 0,
      rejected: { too_old: 1, planned_in_future: 1 },
    });
    const stored = await env.db.query<{ recheck: boolean }>('SELECT recheck FROM check_results WHERE check_id = $1 AND time = $2', [
      check.id,
      new Date(recheckAt),
    ]);
    expect(stored).toEqual([{ recheck: true }]);
    const metrics = await env.app.get(MetricsRegistry).registry.metrics();
    for (const reason of ['planned_in_future', 'region_not_assigned', 'unknown_check', 'too_old']) {
      expect(metrics).toMatch(new RegExp(`kuzet_probe_results_rejected_total\\{[^}]*reason="${reason}"[^}]*\\} [1-9]`));
    }
  });
});
