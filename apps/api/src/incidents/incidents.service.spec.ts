import { Logger } from '@nestjs/common';
import type { PublicStatus } from '@kuzet/contracts';
import type { IncidentChange } from './incident-events.service';
import { incidentSeverity } from './incident-severity';
import { incidentsHarness, IncidentsHarness, systemRef } from './testing/fake-incidents';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const S = (n: number) => T0 + n * 1000;

// gateway(1) <- db(2) <- portal(3): the portal depends on db, which depends on the gateway.
const GATEWAY = systemRef(1, 'gateway');
const DB = systemRef(2, 'db', [1]);
const PORTAL = systemRef(3, 'portal', [2], 'high');

Logger.overrideLogger(false);

describe('IncidentsService', () => {
  let h: IncidentsHarness;
  let emitted: IncidentChange[];

  beforeEach(() => {
    h = incidentsHarness([GATEWAY, DB, PORTAL], { cooldownMs: 120_000 });
    emitted = [];
    h.events.changes$.subscribe((c) => emitted.push(c));
  });

  const apply = async (systemId: number, status: PublicStatus | null, at: number, flapping = false) => {
    const changes = await h.uow.run((tx) =>
      h.service.applySystemState(tx, h.graph, { system: h.graph.system(systemId)!, status, flapping, at }),
    );
    h.service.publish(changes);
    return changes;
  };
  const incidentOf = (systemId: number) => h.store.incidents.filter((i) => i.systemId === systemId);

  it('opens on a failure, updates status while open, recovers, and the sweep resolves after the cooldown', async () => {
    await apply(1, 'partial_outage', S(0));
    expect(h.store.incidents).toHaveLength(1);
    const inc = h.store.incidents[0];
    expect(inc).toMatchObject({
      kind: 'root',
      alertable: true,
      state: 'open',
      publicState: 'investigating',
      status: 'partial_outage',
      severity: 'sev2',
      openedAt: S(0),
      title: { en: 'gateway-en is partly down', ru: 'gateway-ru: работает частично' },
    });
    await apply(1, 'major_outage', S(30));
    expect(h.store.incidents[0]).toMatchObject({
      status: 'major_outage',
      severity: 'sev1',
      lastFailureAt: S(30),
    });
    await apply(1, 'operational', S(60));
    expect(h.store.incidents[0]).toMatchObject({ state: 'open', recoveredAt: S(60) });

    h.clock.t = S(60) + 119_000;
    expect(await h.service.sweep()).toBe(0);
    h.clock.t = S(60) + 120_000;
    expect(await h.service.sweep()).toBe(1);
    expect(h.store.incidents[0]).toMatchObject({
      state: 'resolved',
      publicState: 'resolved',
      resolvedAt: S(60),
    });
    expect(h.store.kinds(1)).toEqual(['state_changed', 'status_changed', 'status_changed', 'resolved']);
    expect(emitted.map((e) => e.type)).toEqual(['opened', 'updated', 'updated', 'resolved']);
    // A second sweep finds nothing to do.
    expect(await h.service.sweep()).toBe(0);
  });

  it('a failure within the cooldown reopens the same incident (before and after the sweep resolved it)', async () => {
    await apply(1, 'major_outage', S(0));
    await apply(1, 'operational', S(60));
    await apply(1, 'major_outage', S(90)); // during the cooldown: the same incident goes on
    expect(h.store.incidents).toHaveLength(1);
    expect(h.store.incidents[0]).toMatchObject({ state: 'open', recoveredAt: null, lastFailureAt: S(90) });
    expect(h.store.kinds(1)).toContain('reopened');

    await apply(1, 'operational', S(100));
    h.clock.t = S(100) + 120_000;
    await h.service.sweep();
    expect(h.store.incidents[0].state).toBe('resolved');
    await apply(1, 'major_outage', S(150)); // 50 s after the resolution (at S(100)): reopened
    expect(h.store.incidents).toHaveLength(1);
    expect(h.store.incidents[0]).toMatchObject({
      state: 'open',
      publicState: 'investigating',
      resolvedAt: null,
    });

    await apply(1, 'operational', S(160));
    h.clock.t = S(160) + 120_000;
    await h.service.sweep();
    await apply(1, 'major_outage', S(160) + 200_000); // beyond the cooldown: a new incident
    expect(h.store.incidents).toHaveLength(2);
  });

  it('links a child incident to its parent root as a symptom, transitively, without alerting', async () => {
    await apply(1, 'major_outage', S(0));
    await apply(3, 'major_outage', S(10)); // portal -> db (fine) -> gateway (down)
    const [root] = incidentOf(1);
    const [portal] = incidentOf(3);
    expect(portal).toMatchObject({
      kind: 'symptom',
      rootIncidentId: root.id,
      alertable: false,
      severity: 'sev2',
    });
    expect(h.store.kinds(portal.id)).toEqual(['state_changed', 'linked_to_root']);
    await apply(2, 'partial_outage', S(20)); // db too: linked to the same root
    expect(incidentOf(2)[0]).toMatchObject({ kind: 'symptom', rootIncidentId: root.id });
  });

  it("a root opening after its child adopts the child (and the child's symptoms)", async () => {
    await apply(3, 'major_outage', S(0));
    await apply(1, 'major_outage', S(5));
    const [root] = incidentOf(1);
    expect(incidentOf(3)[0]).toMatchObject({ kind: 'symptom', rootIncidentId: root.id, alertable: false });
  });

  it('when the parent resolves and the child still fails, the child becomes its own root', async () => {
    await apply(1, 'major_outage', S(0));
    await apply(3, 'major_outage', S(10));
    await apply(1, 'operational', S(60));
    h.clock.t = S(60) + 120_000;
    await h.service.sweep();
    // the root waits a grace (15 s) past its cooldown for the child to recover
    expect(incidentOf(1)[0].state).toBe('open');
    expect(incidentOf(3)[0]).toMatchObject({ kind: 'symptom' });
    h.clock.t = S(60) + 135_000;
    await h.service.sweep();
    const portal = incidentOf(3)[0];
    expect(portal).toMatchObject({ kind: 'root', rootIncidentId: null, alertable: true, state: 'open' });
    expect(h.store.kinds(portal.id)).toContain('promoted_to_root');
    // Resolution of the child was never suppressed: it resolves on its own recovery.
    await apply(3, 'operational', S(300));
    h.clock.t = S(300) + 120_000;
    await h.service.sweep();
    expect(incidentOf(3)[0].state).toBe('resolved');
  });

  it('a child failing after its parent recovered is a root, not a symptom of a recovering parent', async () => {
    await apply(1, 'major_outage', S(0));
    await apply(1, 'operational', S(30));
    await apply(3, 'major_outage', S(40));
    expect(incidentOf(3)[0]).toMatchObject({ kind: 'root', alertable: true });
  });

  it('manual resolve of a root relinks its symptoms to another failing ancestor', async () => {
    await apply(2, 'major_outage', S(0)); // db is a root (the gateway is fine)
    await apply(3, 'major_outage', S(5)); // portal: symptom of db
    await apply(1, 'major_outage', S(10)); // the gateway: adopts db (and portal)
    const gw = incidentOf(1)[0];
    expect(incidentOf(2)[0]).toMatchObject({ kind: 'symptom', rootIncidentId: gw.id });
    expect(incidentOf(3)[0]).toMatchObject({ kind: 'symptom', rootIncidentId: gw.id });
    await h.service.resolve(gw.id, 'duty');
    // db has no failing ancestor left: root again; portal relinks to db's incident.
    expect(incidentOf(2)[0]).toMatchObject({ kind: 'root', alertable: true });
    expect(incidentOf(3)[0]).toMatchObject({ kind: 'symptom', rootIncidentId: incidentOf(2)[0].id });
  });

  it('a replayed transition (same idempotency key) opens nothing twice and adds no event', async () => {
    await apply(1, 'major_outage', S(0));
    const events = h.store.eventList.length;
    // A replay of the same transition, as after a crash between the effect and the state save.
    h.store.incidents[0].state = 'resolved';
    h.store.incidents[0].resolvedAt = S(0) - 1_000_000; // far outside the cooldown: would open anew
    const changes = await apply(1, 'major_outage', S(0));
    expect(changes).toEqual([]);
    expect(h.store.incidents).toHaveLength(1);
    expect(h.store.eventList).toHaveLength(events);
  });

  it('flapping opens one incident marked flapping; status changes while flapping only update it', async () => {
    await apply(1, 'operational', S(0), true);
    expect(h.store.incidents).toHaveLength(1);
    expect(h.store.incidents[0]).toMatchObject({
      flapping: true,
      status: 'degraded_performance',
      title: { en: 'gateway-en is unstable' },
    });
    await apply(1, 'major_outage', S(10), true);
    await apply(1, 'operational', S(20), true);
    expect(h.store.incidents).toHaveLength(1);
    expect(h.store.incidents[0].recoveredAt).toBeNull();
    await apply(1, 'operational', S(30), false); // flapping stopped, operational: recovering
    expect(h.store.incidents[0]).toMatchObject({ recoveredAt: S(30), flapping: false });
  });

  it('unknown status changes nothing', async () => {
    await apply(1, null, S(0));
    expect(h.store.incidents).toHaveLength(0);
    await apply(1, 'major_outage', S(10));
    await apply(1, null, S(20));
    expect(h.store.incidents[0].recoveredAt).toBeNull();
  });

  const applyIn = async (systemId: number, status: PublicStatus | null, at: number, maintenance: boolean) => {
    const changes = await h.uow.run((tx) =>
      h.service.applySystemState(tx, h.graph, { system: h.graph.system(systemId)!, status, flapping: false, at, maintenance }),
    );
    h.service.publish(changes);
    return changes;
  };

  it('a maintenance window keeps an outage open that began before it, and suppresses new ones', async () => {
    await applyIn(1, 'major_outage', S(0), false);
    await applyIn(1, 'major_outage', S(30), true); // the window began: still open, not recovered
    expect(h.store.incidents[0]).toMatchObject({ recoveredAt: null, state: 'open' });
    await applyIn(1, 'operational', S(60), true); // it recovers during the window
    expect(h.store.incidents[0].recoveredAt).toBe(S(60));
    await applyIn(1, 'major_outage', S(90), true); // fails again inside the window: no reopening
    expect(h.store.incidents[0].recoveredAt).toBe(S(60));
    await applyIn(2, 'major_outage', S(90), true); // nor a new incident for a system in the window
    expect(incidentOf(2)).toHaveLength(0);
    h.clock.t = S(60) + 120_000;
    expect(await h.service.sweep()).toBe(1);
    expect(h.store.kinds(h.store.incidents[0].id).filter((k) => k === 'resolved')).toHaveLength(1);
  });

  it('a symptom that recovered resolves with its root and is never promoted to an alertable root', async () => {
    await apply(1, 'major_outage', S(0));
    await apply(2, 'major_outage', S(5));
    await apply(3, 'major_outage', S(6));
    await apply(1, 'operational', S(60)); // the root recovers...
    await apply(2, 'operational', S(70)); // ...then its symptoms, whose cooldowns end later
    await apply(3, 'operational', S(80));
    h.clock.t = S(60) + 120_000; // the root's cooldown is over, not the symptoms'
    await h.service.sweep();
    expect(incidentOf(1)[0].state).toBe('resolved');
    for (const id of [2, 3]) {
      const inc = incidentOf(id)[0];
      expect(inc).toMatchObject({ kind: 'symptom', alertable: false, state: 'resolved' });
      expect(h.store.kinds(inc.id)).not.toContain('promoted_to_root');
    }
  });

  it('a symptom that recovers only after its root\'s cooldown, within the grace, still resolves as a symptom', async () => {
    await apply(1, 'major_outage', S(0));
    await apply(3, 'major_outage', S(10));
    await apply(1, 'operational', S(60));
    h.clock.t = S(60) + 120_000; // the root's cooldown is over; the child still fails
    await h.service.sweep();
    await apply(3, 'operational', S(185)); // the child recovers 5 s later
    h.clock.t = S(60) + 135_000;
    await h.service.sweep();
    expect(incidentOf(1)[0].state).toBe('resolved');
    const child = incidentOf(3)[0];
    expect(child).toMatchObject({ kind: 'symptom', alertable: false, state: 'resolved' });
    expect(h.store.kinds(child.id)).not.toContain('promoted_to_root');
  });

  it('when a root is resolved by hand, its recovered symptoms resolve with it', async () => {
    await apply(1, 'major_outage', S(0));
    await apply(2, 'major_outage', S(5));
    await apply(2, 'operational', S(50));
    await h.service.resolve(incidentOf(1)[0].id, 'duty');
    expect(incidentOf(2)[0]).toMatchObject({ kind: 'symptom', alertable: false, state: 'resolved' });
    expect(h.store.kinds(incidentOf(2)[0].id)).not.toContain('promoted_to_root');
  });

  it('records the kind of failure and the cause; a reopening carries its own cause', async () => {
    const cause = {
      checks: [
        {
          checkId: 1,
          checkCode: 'https',
          checkType: 'http',
          role: 'primary' as const,
          outcome: 2 as const,
          regions: ['local'],
          errorClass: 'status' as const,
          httpStatus: 503,
          error: 'HTTP 503',
          firstFailureAt: S(0),
        },
      ],
    };
    h.clock.t = S(3);
    await h.uow.run((tx) =>
      h.service.applySystemState(tx, h.graph, { system: GATEWAY, status: 'major_outage', flapping: false, at: S(1), cause, firstFailureAt: S(0) }),
    );
    expect(h.store.incidents[0]).toMatchObject({ failureKind: 'outage', cause, firstFailureAt: S(0), confirmedAt: S(3), openedAt: S(1) });
    await apply(1, 'operational', S(30));
    const again = { checks: [{ ...cause.checks[0], error: 'timeout after 10 s', errorClass: 'timeout' as const, httpStatus: null }] };
    await h.uow.run((tx) =>
      h.service.applySystemState(tx, h.graph, { system: GATEWAY, status: 'degraded_performance', flapping: false, at: S(40), cause: again }),
    );
    const reopened = h.store.eventList.find((e) => e.kind === 'reopened')!;
    expect(reopened).toMatchObject({ at: S(40), data: { cause: again } });
    expect(h.store.incidents[0]).toMatchObject({ failureKind: 'degraded', cause: again });
  });

  it('acknowledge, notes and public updates: timeline entries, 404 and 409', async () => {
    await apply(1, 'major_outage', S(0));
    h.clock.t = S(90);
    const acked = await h.service.acknowledge(1, 'duty');
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedAt: S(90) });
    await h.service.acknowledge(1, 'duty'); // idempotent
    await h.service.addNote(1, 'looking', 'duty');
    await h.service.addPublicUpdate(1, 'identified', { kk: 'a', ru: 'b', en: 'c' }, 'duty');
    expect(h.store.incidents[0].publicState).toBe('identified');
    expect(h.store.kinds(1)).toEqual(['state_changed', 'acknowledged', 'note', 'public_update']);
    await expect(h.service.acknowledge(99, 'x')).rejects.toThrow('incident 99 not found');
    await h.service.resolve(1, 'duty');
    await expect(h.service.acknowledge(1, 'x')).rejects.toThrow('resolved');
  });
});

describe('incidentSeverity', () => {
  it('maps tier and status', () => {
    expect(incidentSeverity('critical', 'major_outage')).toBe('sev1');
    expect(incidentSeverity('high', 'major_outage')).toBe('sev2');
    expect(incidentSeverity('normal', 'partial_outage')).toBe('sev4');
    expect(incidentSeverity('critical', 'degraded_performance')).toBe('sev3');
    expect(incidentSeverity('internal', 'major_outage')).toBe('sev4');
    expect(incidentSeverity('critical', 'operational')).toBe('sev4');
  });
});

describe('IncidentsService alert intents (the transactional outbox)', () => {
  let h: IncidentsHarness;
  beforeEach(() => {
    h = incidentsHarness([GATEWAY, DB, PORTAL], { cooldownMs: 120_000 });
  });
  const apply = (systemId: number, status: PublicStatus, at: number) =>
    h.uow.run((tx) =>
      h.service.applySystemState(tx, h.graph, { system: h.graph.system(systemId)!, status, flapping: false, at }),
    );
  const intents = () => h.store.alertIntents.map((i) => `${i.transition}:${i.incidentId}`);

  it('records opened, linked (adopted symptoms) and resolved, once each, in the same unit of work', async () => {
    await apply(2, 'major_outage', S(0)); // db fails first: a root of its own
    await apply(1, 'major_outage', S(5)); // then the gateway: db becomes its symptom
    await apply(1, 'major_outage', S(5)); // replayed: nothing new
    const [db, gw] = [h.store.incidents.find((i) => i.systemId === 2)!, h.store.incidents.find((i) => i.systemId === 1)!];
    expect(intents()).toEqual([`opened:${db.id}`, `opened:${gw.id}`, `linked:${db.id}`]);
    await apply(1, 'operational', S(10));
    h.clock.t = S(10) + 135_000; // cooldown + the grace the root gives its still-failing symptom
    await h.service.sweep();
    await h.service.sweep();
    expect(intents().filter((k) => k.startsWith('resolved'))).toEqual([`resolved:${gw.id}`]);
  });

  it('records a worsening of severity, not an improvement', async () => {
    await apply(3, 'degraded_performance', S(0)); // portal (high): sev4
    await apply(3, 'major_outage', S(10)); // sev2
    await apply(3, 'partial_outage', S(20)); // sev3: better, nothing to tell
    const portal = h.store.incidents.find((i) => i.systemId === 3)!;
    expect(intents()).toEqual([`opened:${portal.id}`, `worsened:${portal.id}`]);
  });

  it('records a reopening only after a resolution, and a promotion of an orphaned symptom', async () => {
    await apply(1, 'major_outage', S(0));
    await apply(2, 'major_outage', S(1)); // symptom of the gateway
    await apply(1, 'operational', S(10));
    h.clock.t = S(10) + 135_000; // cooldown + symptom grace
    await h.service.sweep(); // gateway resolves; db still failing -> promoted to root
    const db = h.store.incidents.find((i) => i.systemId === 2)!;
    expect(db).toMatchObject({ kind: 'root', alertable: true });
    expect(intents()).toContain(`promoted:${db.id}`);
    const gw = h.store.incidents.find((i) => i.systemId === 1)!;
    await apply(1, 'major_outage', S(10) + 60_000); // within the cooldown: the same incident reopens
    expect(intents().filter((k) => k === `reopened:${gw.id}`)).toHaveLength(1);
  });
});
