import { almatyLocal, ScenarioEnv, sleep } from './support/scenario-env';

/**
 * Issue 9 against the BUILT app and the simulator, each case on its own system:
 *   smart-bridge   hung (accepts, never answers) at 2 s checks, 1 s timeout -> every result a
 *                  timeout (down), none unknown; the incident opens within interval + 2 x timeout + 2 s
 *   egov-portal    an outage that runs into a maintenance window: stays open through it and
 *                  resolves once, after the system recovers
 */
const HUNG = 'smart-bridge';
const MAINT = 'egov-portal';

interface CheckResult {
  /** 0 up, 1 degraded, 2 down, 3 unknown */
  outcome: number;
  error_class: string | null;
}

describe('detection that tells the truth (built app, simulator faults)', () => {
  const env = new ScenarioEnv({ KUZET_INCIDENT_COOLDOWN_S: '3' });
  /** The maintenance window starts at the next whole minute at least 25 s away (windows are per minute). */
  const now = Date.now();
  const windowStart = Math.ceil((now + 25_000) / 60_000) * 60_000;

  beforeAll(async () => {
    await env.startSimulator([HUNG, MAINT], 1);
    env.patchSystem(HUNG, (s) => {
      for (const c of s.checks) {
        c.interval = '2s';
        c.timeout = '1s';
      }
    });
    env.writeCatalogFile('maintenance.yaml', {
      maintenance: [
        {
          code: 'scenario-portal-works',
          title: { kk: 'Жоспарлы жұмыстар', ru: 'Плановые работы', en: 'Planned works' },
          systems: [MAINT],
          timezone: 'Asia/Almaty',
          starts_at: almatyLocal(windowStart),
          ends_at: almatyLocal(windowStart + 3_600_000),
        },
      ],
    });
    await env.startApp();
    await env.waitForStatus([HUNG, MAINT], 'operational', 45_000);
  }, 150_000);

  afterAll(async () => {
    await env.close();
  }, 60_000);

  it('a hung server is down (timeout), never unknown, and its incident opens within the bound', async () => {
    const check = await env.get<{ id: number }>(`/api/catalog/checks/${HUNG}/https`);
    const injectedAt = Date.now();
    await env.sim!.injectFault(HUNG, { type: 'down', mode: 'timeout' });
    const opened = await env.waitFor('hung incident', 30_000, async () => {
      const list = await env.incidents(HUNG);
      return list.length > 0 ? list[0] : undefined;
    });
    const delayS = (Date.now() - injectedAt) / 1000;
    // interval 2 s + 2 x timeout 1 s + 2 s, plus the 250 ms polling of this test
    expect(delayS).toBeLessThanOrEqual(2 + 2 * 1 + 2 + 0.5);
    expect(opened).toMatchObject({ kind: 'root', status: 'major_outage', severity: 'sev1', failure_kind: 'outage' });
    expect(opened.cause?.checks.find((c) => c.checkCode === 'https')?.error).toBe('timeout after 1 s');
    await sleep(8_000);
    const page = await env.get<{ results: CheckResult[] }>(`/api/checks/${check.id}/results?limit=200`);
    const since = page.results.filter((r) => r.outcome !== 0);
    expect(since.length).toBeGreaterThanOrEqual(4);
    expect(page.results.filter((r) => r.outcome === 3)).toEqual([]);
    for (const r of since) expect(r).toMatchObject({ outcome: 2, error_class: 'timeout' });
    await env.sim!.clearFaults(HUNG);
    process.stdout.write(`[scenario] hung server: incident ${delayS.toFixed(1)} s after injection, ${since.length} timeouts, 0 unknown\n`);
  }, 90_000);

  it('an outage running into a maintenance window stays open through it and resolves once on recovery', async () => {
    await env.sim!.injectFault(MAINT, { type: 'down', mode: 'refused' });
    const opened = await env.waitFor('outage before the window', 20_000, async () => {
      const list = await env.incidents(MAINT);
      return list.length > 0 ? list[0] : undefined;
    });
    expect(Date.now()).toBeLessThan(windowStart);
    await sleep(Math.max(0, windowStart - Date.now()) + 4_000);
    await env.waitForStatus([MAINT], 'under_maintenance', 10_000);
    const during = await env.incidents(MAINT);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatchObject({ id: opened.id, phase: 'failing', recovered_at: null });

    await env.sim!.clearFaults(MAINT);
    const resolved = await env.waitFor('resolved after recovery', 30_000, async () => {
      const list = await env.incidents(MAINT);
      return list[0]?.state === 'resolved' ? list : undefined;
    });
    expect(resolved).toHaveLength(1);
    const detail = await env.get<{ timeline: { kind: string }[] }>(`/api/incidents/${opened.id}`);
    expect(detail.timeline.filter((e) => e.kind === 'resolved')).toHaveLength(1);
    expect(detail.timeline.filter((e) => e.kind === 'reopened')).toHaveLength(0);
  }, 150_000);
});
