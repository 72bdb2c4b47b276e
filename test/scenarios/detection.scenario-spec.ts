import { almatyLocal, IncidentView, ScenarioEnv, sleep } from './support/scenario-env';

/**
 * Detection scenarios against the BUILT app (child process) on its own database, fed by an
 * in-process simulator at 1 s checks. Each scenario uses its own system so they do not interfere:
 *   esf            hard outage (down refused) -> one root incident, then resolved after the cooldown
 *   damumed        slow (fixed latency over the https threshold) -> degraded_performance, not an outage
 *   enpf           flapping -> one incident marked flapping, not a storm
 *   visa-migration down inside a one-off maintenance window -> no incident, under_maintenance
 * A `down refused` closes https/tcp/tls but the shared DNS still answers: the primary (https) check
 * is down, so the system is in major outage (DNS is diagnostic); esf is critical, so SEV1.
 */
const OUTAGE = 'esf';
const SLOW = 'damumed';
const FLAP = 'enpf';
const MAINT = 'visa-migration';
const SYSTEMS = [OUTAGE, SLOW, FLAP, MAINT];

describe('detection scenarios (built app, simulator faults)', () => {
  const env = new ScenarioEnv({ KUZET_INCIDENT_COOLDOWN_S: '3' });

  beforeAll(async () => {
    await env.startSimulator(SYSTEMS, 1);
    // Slow: a 300 ms degraded threshold on https; 2 s checks with 1.5 s timeouts so the injected
    // 600 ms stays far below the timeout on a loaded machine.
    env.patchSystem(SLOW, (s) => {
      for (const c of s.checks) {
        c.interval = '2s';
        c.timeout = '1500ms';
      }
      s.checks.find((c) => c.code === 'https')!.thresholds = { degraded_ms: 300 };
    });
    const now = Date.now();
    env.writeCatalogFile('maintenance.yaml', {
      maintenance: [
        {
          code: 'scenario-visa-works',
          title: { kk: 'Жоспарлы жұмыстар', ru: 'Плановые работы', en: 'Planned works' },
          systems: [MAINT],
          timezone: 'Asia/Almaty',
          starts_at: almatyLocal(now - 60_000),
          ends_at: almatyLocal(now + 3_600_000),
        },
      ],
    });
    await env.startApp();
    await env.waitForStatus([OUTAGE, SLOW, FLAP], 'operational', 45_000);
    await env.waitForStatus([MAINT], 'under_maintenance', 45_000);
  }, 150_000);

  afterAll(async () => {
    await env.close();
  }, 60_000);

  it('starts quiet: no incident before any fault', async () => {
    expect(await env.incidents()).toEqual([]);
  });

  it('hard outage: one root incident opens, resolves after the cooldown, no second incident', async () => {
    const injectedAt = Date.now();
    await env.sim!.injectFault(OUTAGE, { type: 'down', mode: 'refused' });
    const opened = await env.waitFor('outage incident', 30_000, async () => {
      const list = await env.incidents(OUTAGE);
      return list.length > 0 ? list : undefined;
    });
    const detectionMs = Date.now() - injectedAt;
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ system: OUTAGE, kind: 'root', alertable: true, state: 'open' });
    expect(opened[0]).toMatchObject({ status: 'major_outage', severity: 'sev1', failure_kind: 'outage' });
    expect(opened[0].cause?.checks[0]).toMatchObject({ checkCode: 'https', role: 'primary', error: 'connection refused' });
    // the primary check down while DNS answers: a major outage, not partial
    await env.waitForStatus([OUTAGE], 'major_outage', 15_000);
    // stays one incident while the outage lasts
    await sleep(4_000);
    expect(await env.incidents(OUTAGE)).toHaveLength(1);

    const clearedAt = Date.now();
    await env.sim!.clearFaults(OUTAGE);
    const resolved = await env.waitFor('outage resolved', 40_000, async () => {
      const list = await env.incidents(OUTAGE);
      return list.length === 1 && list[0].state === 'resolved' ? list[0] : undefined;
    });
    const resolveMs = Date.now() - clearedAt;
    expect(resolved.id).toBe(opened[0].id);
    expect(resolved.recovered_at).not.toBeNull();
    // resolved_at is the recovery time; the sweep waited a cooldown (3 s) after it
    expect(resolved.resolved_at).toBe(resolved.recovered_at);
    expect(resolveMs).toBeGreaterThanOrEqual(3_000);
    await env.waitForStatus([OUTAGE], 'operational', 15_000);
    await sleep(5_000);
    const after = await env.incidents(OUTAGE);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: opened[0].id, state: 'resolved' });
    process.stdout.write(`[scenario] hard outage: detected in ${detectionMs} ms, resolved ${resolveMs} ms after clear\n`);
  }, 120_000);

  it('slow degradation: latency over the threshold opens a degraded_performance incident, not an outage', async () => {
    const injectedAt = Date.now();
    await env.sim!.injectFault(SLOW, { type: 'slow', latency_ms: { distribution: 'fixed', ms: 600 } });
    const list = await env.waitFor('degraded incident', 30_000, async () => {
      const l = await env.incidents(SLOW);
      return l.length > 0 ? l : undefined;
    });
    const detectionMs = Date.now() - injectedAt;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ system: SLOW, kind: 'root', status: 'degraded_performance', state: 'open' });
    await env.waitForStatus([SLOW], 'degraded_performance', 10_000);
    // and it stays degraded (no escalation to an outage) while slow
    await sleep(6_000);
    const later = await env.incidents(SLOW);
    expect(later).toHaveLength(1);
    expect(later[0].status).toBe('degraded_performance');
    expect((await env.statuses()).get(SLOW)?.status).toBe('degraded_performance');
    await env.sim!.clearFaults(SLOW);
    process.stdout.write(`[scenario] slow: degraded incident in ${detectionMs} ms\n`);
  }, 90_000);

  it('flapping: a service going up and down yields one flapping incident, not a storm', async () => {
    const injectedAt = Date.now();
    await env.sim!.injectFault(FLAP, { type: 'flapping', period_s: 6, mode: 'refused' });
    const flapping = await env.waitFor('flapping incident', 60_000, async () => {
      const l = await env.incidents(FLAP);
      return l.some((i) => i.flapping) ? l : undefined;
    });
    const detectionMs = Date.now() - injectedAt;
    expect(flapping).toHaveLength(1);
    expect(flapping[0]).toMatchObject({ system: FLAP, kind: 'root', flapping: true });
    expect(flapping[0].state).not.toBe('resolved');
    // several more periods: still one incident, still open
    await sleep(15_000);
    const later = await env.incidents(FLAP);
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ id: flapping[0].id, flapping: true });
    expect(later[0].state).not.toBe('resolved');
    expect((await env.statuses()).get(FLAP)?.flapping).toBe(true);
    await env.sim!.clearFaults(FLAP);
    process.stdout.write(`[scenario] flapping: flapping incident ${detectionMs} ms after injection\n`);
  }, 120_000);

  it('maintenance window: an outage inside it opens no incident; the system shows under_maintenance', async () => {
    await env.sim!.injectFault(MAINT, { type: 'down', mode: 'refused' });
    // well past the 2-failure detection delay observed above (~3 s)
    await sleep(8_000);
    expect(await env.incidents(MAINT)).toEqual([]);
    expect((await env.statuses()).get(MAINT)?.status).toBe('under_maintenance');
    await env.sim!.clearFaults(MAINT);
  }, 60_000);

  it('ends with exactly the expected incidents overall', async () => {
    const all: IncidentView[] = await env.incidents();
    expect(all.map((i) => i.system).sort()).toEqual([FLAP, OUTAGE, SLOW].sort());
  });
});
