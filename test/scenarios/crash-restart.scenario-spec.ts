import { ScenarioEnv, sleep } from './support/scenario-env';

/**
 * kill -9 in the middle of an incident, restart on the same database: the detector resumes from
 * its persisted state, and the same incident resolves once, without a duplicate.
 */
const SYSTEM = 'esf';

describe('crash mid-incident (built app killed with SIGKILL, restarted)', () => {
  const env = new ScenarioEnv({ KUZET_INCIDENT_COOLDOWN_S: '3' });

  beforeAll(async () => {
    await env.startSimulator([SYSTEM], 1);
    await env.startApp();
    await env.waitForStatus([SYSTEM], 'operational', 45_000);
  }, 120_000);

  afterAll(async () => {
    await env.close();
  }, 60_000);

  it('resolves the same incident once after a kill -9 and a restart', async () => {
    await env.sim!.injectFault(SYSTEM, { type: 'down', mode: 'refused' });
    const [opened] = await env.waitFor('incident open', 30_000, async () => {
      const l = await env.incidents(SYSTEM);
      return l.length > 0 ? l : undefined;
    });
    expect(opened).toMatchObject({ kind: 'root', state: 'open' });
    await sleep(2_000); // a few more failing results in flight

    await env.crashApp();
    const restartAt = Date.now();
    await env.startApp();
    const restartMs = Date.now() - restartAt;
    // still down after the restart: the same incident, nothing new
    await sleep(5_000);
    const during = await env.incidents(SYSTEM);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatchObject({ id: opened.id, state: 'open', recovered_at: null });

    await env.sim!.clearFaults(SYSTEM);
    const resolved = await env.waitFor('incident resolved', 40_000, async () => {
      const l = await env.incidents(SYSTEM);
      return l.length === 1 && l[0].state === 'resolved' ? l[0] : undefined;
    });
    expect(resolved.id).toBe(opened.id);
    await sleep(5_000);
    const after = await env.incidents();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: opened.id, state: 'resolved' });
    const detail = await env.get<{ timeline: { kind: string }[] }>(`/api/incidents/${opened.id}`);
    expect(detail.timeline.filter((e) => e.kind === 'resolved')).toHaveLength(1);
    expect(detail.timeline.filter((e) => e.kind === 'state_changed')).toHaveLength(1);
    process.stdout.write(`[scenario] crash: restarted in ${restartMs} ms; incident #${opened.id} resolved once\n`);
  }, 120_000);
});
