import { ScenarioEnv, sleep } from './support/scenario-env';

/**
 * The e-gov gateway goes down and takes its direct dependents (kz-fleet.yaml: depends_on
 * egov-gateway) with it: one root incident for the gateway, ten symptom incidents linked to it,
 * not alertable. Whatever order the detector sees the failures in (a dependent seen first opens
 * as a root and is adopted when the gateway's root opens), the end state must be that.
 */
const GATEWAY = 'egov-gateway';
const DEPENDENTS = [
  'pay-gateway',
  'egov-portal',
  'egov-mobile',
  'egov-business',
  'e-otinish',
  'e-licensing',
  'fsms-portal',
  'enbek',
  'kindergarten-queue',
  'smart-astana',
];

describe('gateway down (built app, 11 simulated systems)', () => {
  const env = new ScenarioEnv({ KUZET_INCIDENT_COOLDOWN_S: '3' });

  beforeAll(async () => {
    const sim = await env.startSimulator([GATEWAY, ...DEPENDENTS], 2);
    // the subset keeps the dependency edges among the started systems
    for (const d of DEPENDENTS) expect(sim.systems.find((s) => s.code === d)?.depends_on).toContain(GATEWAY);
    await env.startApp();
    await env.waitForStatus([GATEWAY, ...DEPENDENTS], 'operational', 60_000);
  }, 150_000);

  afterAll(async () => {
    await env.close();
  }, 60_000);

  /**
   * Incidents from before the injection are not this test's: on a loaded 2-core machine a 0.8 s
   * TLS handshake can time out during the warm-up. None may still be open when the fault starts.
   */
  const earlier = new Set<number>();
  const incidents = async () => (await env.incidents()).filter((i) => !earlier.has(i.id));

  it('opens 1 root incident for the gateway and 10 symptoms linked to it, the dependents failing first', async () => {
    const warmUp = await env.waitFor('no open incident before the fault', 60_000, async () => {
      const list = await env.incidents();
      return list.every((i) => i.state === 'resolved') ? list : undefined;
    });
    for (const i of warmUp) earlier.add(i.id);
    if (warmUp.length > 0)
      process.stdout.write(`[scenario] gateway down: ${warmUp.length} incident(s) of the warm-up left out: ${warmUp.map((i) => i.system).join(', ')}\n`);
    const injectedAt = Date.now();
    // the dependents fail first; the gateway 600 ms later (issue 9: they opened as roots before)
    await Promise.all(DEPENDENTS.map((c) => env.sim!.injectFault(c, { type: 'down', mode: 'refused' })));
    await sleep(600);
    await env.sim!.injectFault(GATEWAY, { type: 'down', mode: 'refused' });

    const settled = await env.waitFor('1 root + 10 linked symptoms', 45_000, async () => {
      const list = await incidents();
      const root = list.find((i) => i.system === GATEWAY);
      if (!root || list.length < 11) return undefined;
      const linked = list.filter((i) => i.kind === 'symptom' && i.root_incident_id === root.id);
      return linked.length === 10 ? list : undefined;
    });
    const settleMs = Date.now() - injectedAt;

    // hold: nothing more opens, nothing is relinked while the outage lasts
    await sleep(5_000);
    const list = await incidents();
    expect(list).toHaveLength(11);
    expect(list.map((i) => i.id).sort()).toEqual(settled.map((i) => i.id).sort());
    const root = list.find((i) => i.system === GATEWAY)!;
    expect(root).toMatchObject({ kind: 'root', root_incident_id: null, alertable: true, state: 'open' });
    const symptoms = list.filter((i) => i.system !== GATEWAY);
    expect(symptoms.map((i) => i.system).sort()).toEqual([...DEPENDENTS].sort());
    for (const s of symptoms)
      expect({ system: s.system, kind: s.kind, root: s.root_incident_id, alertable: s.alertable, state: s.state }).toEqual({
        system: s.system,
        kind: 'symptom',
        root: root.id,
        alertable: false,
        state: 'open',
      });
    const roots = list.filter((i) => i.kind === 'root');
    expect(roots).toHaveLength(1);

    // none was ever a root: each opened as a symptom (linked at its opening), never adopted later
    for (const s of symptoms) {
      const detail = await env.get<{ opened_at: string; timeline: { kind: string; at: string }[] }>(`/api/incidents/${s.id}`);
      const links = detail.timeline.filter((e) => e.kind === 'linked_to_root');
      expect({ system: s.system, links: links.map((e) => e.at) }).toEqual({ system: s.system, links: [detail.opened_at] });
    }
    process.stdout.write(`[scenario] gateway down: 1 root + 10 symptoms settled ${settleMs} ms after injection\n`);
  }, 90_000);

  it('after recovery every symptom resolves as a symptom: none promoted to an alertable root', async () => {
    await Promise.all([GATEWAY, ...DEPENDENTS].map((c) => env.sim!.clearFaults(c)));
    const resolved = await env.waitFor('all 11 resolved', 60_000, async () => {
      const list = await incidents();
      return list.length === 11 && list.every((i) => i.state === 'resolved') ? list : undefined;
    });
    await sleep(3_000);
    const list = await incidents();
    const extra = list.filter((i) => !resolved.some((r) => r.id === i.id));
    expect(extra.map((i) => ({ system: i.system, status: i.status, cause: i.cause?.checks.map((c) => `${c.checkCode}: ${c.error}`) }))).toEqual([]);
    expect(list.filter((i) => i.kind === 'root').map((i) => i.system)).toEqual([GATEWAY]);
    for (const s of list.filter((i) => i.system !== GATEWAY)) {
      expect(s).toMatchObject({ kind: 'symptom', alertable: false, state: 'resolved' });
      const detail = await env.get<{ timeline: { kind: string }[] }>(`/api/incidents/${s.id}`);
      expect(detail.timeline.map((e) => e.kind)).not.toContain('promoted_to_root');
    }
  }, 90_000);
});
