import { phaseOf } from '@kuzet/checks';
import { ProbingTestEnv, startProbingTestEnv, waitFor } from './support/probing-test-app';

const CATALOG = `
agencies:
  - code: hb-agency
    name: { kk: Агенттік, ru: Агентство, en: Agency }
systems:
  - code: hb-system
    agency: hb-agency
    name: { kk: Жүйе, ru: Система, en: System }
    tier: normal
    checks:
      - code: push
        kind: heartbeat
        interval: 1s
        options: { grace: 1s }
`;

/** Heartbeat checks: pushes record beats; the monitor writes up/down on the check's slot grid. */
describe('heartbeat push and monitor', () => {
  let env: ProbingTestEnv;
  beforeAll(async () => {
    env = await startProbingTestEnv({ simulator: false, extraCatalog: { 'catalog.yaml': CATALOG } });
  });
  afterAll(async () => env?.close());

  it('404s an unknown token, records beats (POST and GET), writes up while beating and down (timeout) after', async () => {
    const [check] = await env.db.query<{ id: number; key: string; push_token: string }>(
      `SELECT id, key, push_token FROM checks WHERE kind = 'heartbeat'`,
    );
    expect((await fetch(`${env.baseUrl}/api/push/unknown-token-123`, { method: 'POST' })).status).toBe(404);
    const beatingFrom = Date.now();
    const beat = setInterval(() => void fetch(`${env.baseUrl}/api/push/${check.push_token}`, { method: 'POST' }), 300);
    try {
      expect((await fetch(`${env.baseUrl}/api/push/${check.push_token}`)).status).toBe(200);
      await waitFor('an up row', async () => {
        const rows = await env.db.query('SELECT 1 FROM check_results WHERE check_id = $1 AND outcome = 0', [check.id]);
        return rows.length >= 2 || undefined;
      }, 10_000);
    } finally {
      clearInterval(beat);
    }
    const stoppedAt = Date.now();
    const down = await waitFor('a down row after the beats stopped', async () => {
      const rows = await env.db.query<{ time: Date; error_class: string }>(
        'SELECT time, error_class FROM check_results WHERE check_id = $1 AND outcome = 2 ORDER BY time',
        [check.id],
      );
      return rows.length > 0 ? rows : undefined;
    }, 10_000);
    expect(down[0].error_class).toBe('timeout');
    // Down only once interval + grace (2 s) passed without a beat, never while beating.
    expect(new Date(down[0].time).getTime()).toBeGreaterThan(stoppedAt + 1000);
    const all = await env.db.query<{ time: Date; outcome: number }>('SELECT time, outcome FROM check_results WHERE check_id = $1', [check.id]);
    const phase = phaseOf(check.key, 1000);
    for (const r of all) expect((new Date(r.time).getTime() - phase) % 1000).toBe(0);
    expect(all.filter((r) => new Date(r.time).getTime() > beatingFrom + 500 && new Date(r.time).getTime() <= stoppedAt).every((r) => Number(r.outcome) === 0)).toBe(true);
  });
});
