import { BOARD_NAMESPACE } from '@kuzet/contracts';
import type { DataSource } from 'typeorm';
import { RealtimePublisher } from '../../../apps/api/src/realtime/realtime-publisher.service';
import { CheckOutcome } from '../../../apps/api/src/timeseries/check-outcome';
import { createUser, login, SignedIn } from '../../support/auth-helpers';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import {
  outage,
  Received,
  RealtimeTestApp,
  seedRealtimeCatalog,
  Seeded,
  startRealtimeApp,
  TestClient,
} from './support/realtime-test-app';

type Role = 'admin' | 'duty_officer' | 'viewer' | 'agency_operator';
const PASSWORD = 'board-test-password';

describe('real time: /board namespace, authentication and rooms (the whole API app)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let seed: Seeded;
  let kuzet: RealtimeTestApp;
  const sessions: Record<string, SignedIn> = {};
  const clients: TestClient[] = [];
  const board = (headers: Record<string, string> = {}) => {
    const c = new TestClient(kuzet.base, BOARD_NAMESPACE, headers);
    clients.push(c);
    return c;
  };
  /** A connected, synced /board client of a signed-in user. */
  const connectAs = async (who: string) => {
    const c = board({ cookie: sessions[who].cookie });
    await c.connect();
    const first = await c.sync();
    return { c, first };
  };
  const incidentOf = async (system: string) =>
    Number(
      (
        (await ds.query(
          `SELECT i.id FROM incidents i JOIN systems s ON s.id = i.system_id WHERE s.code = $1 AND i.state <> 'resolved'`,
          [system],
        )) as { id: number }[]
      )[0].id,
    );
  const agenciesOf = (events: Received[]) => [...new Set(events.map((e) => e.data.agency))].sort();
  const refusal = async (headers: Record<string, string>) => {
    const c = board(headers);
    return c.connect().then(
      () => 'connected',
      (error: Error) => error.message,
    );
  };

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    seed = await seedRealtimeCatalog(ds);
    // Summaries only when a test flushes them (the timer would add events at random points).
    kuzet = await startRealtimeApp(db.url, {
      KUZET_LOGIN_RATE_LIMIT: '1000',
      KUZET_REALTIME_SUMMARY_MS: '600000',
    });
    const users: [string, Role, string?][] = [
      ['admin', 'admin'],
      ['duty', 'duty_officer'],
      ['viewer', 'viewer'],
      ['opNit', 'agency_operator', 'nit'],
      ['opMju', 'agency_operator', 'mju'],
      ['opNit2', 'agency_operator', 'nit'],
    ];
    for (const [who, role, agency] of users) {
      const email = `${who.toLowerCase()}@realtime.test`;
      await createUser(ds, { email, password: PASSWORD, role, agency });
      sessions[who] = await login(kuzet.base, email, PASSWORD);
    }
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await kuzet?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('refuses handshakes without a valid session, and from another origin (connect_error)', async () => {
    expect(await refusal({})).toBe('unauthorized');
    expect(await refusal({ cookie: 'kuzet_session=not-a-session' })).toBe('unauthorized');
    expect(await refusal({ cookie: `${sessions.admin.cookie}x` })).toBe('unauthorized');
    expect(await refusal({ cookie: 'other=1' })).toBe('unauthorized');
    // Cross-site WebSocket hijacking: the victim's cookie, but a page of another site.
    const host = new URL(kuzet.base).host;
    expect(await refusal({ cookie: sessions.admin.cookie, origin: 'https://evil.example' })).toBe(
      'forbidden origin',
    );
    expect(await refusal({ cookie: sessions.admin.cookie, origin: `http://${host}` })).toBe('connected');
    expect(await refusal({ cookie: sessions.admin.cookie })).toBe('connected');
  });

  it('AUTHZ: viewer, duty officer and admin get every agency; an operator only its own, live and on sync', async () => {
    const national = await Promise.all(['admin', 'duty', 'viewer'].map(connectAs));
    const opNit = await connectAs('opNit');
    const opMju = await connectAs('opMju');
    for (const { first } of national)
      expect(agenciesOf(first.snapshot.systems.map((d: object) => ({ data: d })))).toEqual(['mju', 'nit']);
    expect(opNit.first.snapshot.systems.map((s: { system: string }) => s.system).sort()).toEqual([
      'gateway',
      'portal',
    ]);
    expect(opMju.first.snapshot.systems.map((s: { system: string }) => s.system)).toEqual(['registry']);

    // The operator of nit tries every door to mju's room: none exists.
    for (const [event, payload] of [
      ['join', 'agency:mju'],
      ['join', { room: 'agency:mju' }],
      ['subscribe', { agency: 'mju' }],
      ['sync', { room: 'agency:mju', agency: 'mju' }],
    ] as const)
      opNit.c.socket.emit(event, payload);

    // mju first, nit after: when nit's operator has nit's events, mju's would have arrived before.
    await kuzet.feed(outage(seed.checkIds.registry));
    await kuzet.feed(outage(seed.checkIds.gateway));
    await opNit.c.waitFor((e) => e.some((x) => x.type === 'incident.opened'), 'nit incident');
    // And a later mju change, as the barrier for mju's operator.
    await kuzet.incidents.acknowledge(await incidentOf('registry'), 'ops@example.kz');
    await opMju.c.waitFor((e) => e.some((x) => x.type === 'incident.updated'), 'mju ack');
    for (const { c } of national)
      await c.waitFor((e) => e.some((x) => x.type === 'incident.updated'), 'everything on national');

    expect(agenciesOf(opNit.c.events)).toEqual(['nit']);
    expect(agenciesOf(opMju.c.events)).toEqual(['mju']);
    expect(opNit.c.events.map((e) => e.type).sort()).toEqual(['incident.opened', 'system.status']);
    expect(opMju.c.events.map((e) => e.type).sort()).toEqual([
      'incident.opened',
      'incident.updated',
      'system.status',
    ]);
    for (const { c } of national) {
      expect(agenciesOf(c.events)).toEqual(['mju', 'nit']);
      // All of it, in the order it happened (within one detector batch, its own order).
      const seen = c.events.map((e) => `${e.type}:${e.data.system}`);
      expect(seen.slice(0, 2).sort()).toEqual(['incident.opened:registry', 'system.status:registry']);
      expect(seen.slice(2, 4).sort()).toEqual(['incident.opened:gateway', 'system.status:gateway']);
      expect(seen.slice(4)).toEqual(['incident.updated:registry']);
      // Board incidents are the REST view: internal state is there, targets and error text never.
      const opened = c.ofType('incident.opened')[0].data;
      expect(opened).toMatchObject({ state: 'open', severity: 'sev1', kind: 'root' });
      expect(JSON.stringify(c.events)).not.toMatch(/10\.20\.30\.40|internal-health|connect_refused/);
    }
    // One event reached each socket once, although national and agency rooms both got it.
    const seqs = national[0].c.events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);

    // Replay from the very start, and a snapshot: still only the operator's agency.
    const epoch = opNit.first.snapshot.epoch;
    const replay = await opNit.c.sync({ epoch, last_seq: 0 });
    expect(replay.mode).toBe('replay');
    expect(agenciesOf(replay.events)).toEqual(['nit']);
    const snapshot = await opNit.c.sync({});
    expect(snapshot.snapshot.incidents.map((i: { system: string }) => i.system)).toEqual(['gateway']);
    expect(opNit.c.socket.connected).toBe(true);
  });

  it('results summaries: the national room gets every system, an agency room only its own', async () => {
    // Close the period that holds the earlier tests' results first.
    await kuzet.app.get(RealtimePublisher).flushSummaryNow();
    const admin = await connectAs('admin');
    const opMju = await connectAs('opMju');
    const now = Date.now();
    const up = (checkId: number, latencyMs: number) => ({
      time: new Date(now),
      checkId,
      region: 'almaty',
      outcome: CheckOutcome.Up,
      latencyMs,
      statusCode: 200,
      errorClass: null,
    });
    await kuzet.feed([up(seed.checkIds.gateway, 20), up(seed.checkIds.registry, 40)]);
    await kuzet.app.get(RealtimePublisher).flushSummaryNow();
    await admin.c.waitFor((e) => e.some((x) => x.type === 'results.summary'), 'summary');
    await opMju.c.waitFor((e) => e.some((x) => x.type === 'results.summary'), 'summary');
    const systems = (c: TestClient) =>
      c
        .ofType('results.summary')
        .flatMap((e) => (e.data.systems as { system: string }[]).map((s) => s.system));
    expect(systems(admin.c).sort()).toEqual(['gateway', 'registry']);
    expect(systems(opMju.c)).toEqual(['registry']);
    expect(admin.c.ofType('results.summary')[0].data.systems).toContainEqual({
      system: 'registry',
      agency: 'mju',
      up: 1,
      degraded: 0,
      down: 0,
      unknown: 0,
      latency_p50_ms: 40,
      latency_max_ms: 40,
    });
  });

  it('RECONNECT on /board: an operator gets exactly the 3 events of its agency it missed', async () => {
    const { c, first } = await connectAs('opNit2');
    const epoch = first.snapshot.epoch;
    const lastSeq = first.snapshot.seq;
    c.close();
    const gateway = await incidentOf('gateway');
    const text = { kk: 'a', ru: 'b', en: 'c' };
    await kuzet.incidents.acknowledge(gateway, 'ops@example.kz');
    await kuzet.incidents.addPublicUpdate(await incidentOf('registry'), 'identified', text, 'ops@example.kz'); // mju
    await kuzet.incidents.addPublicUpdate(gateway, 'identified', text, 'ops@example.kz');
    await kuzet.incidents.resolve(gateway, 'ops@example.kz');
    await kuzet.settled();
    const again = board({ cookie: sessions.opNit2.cookie });
    await again.connect();
    const replay = await again.sync({ epoch, last_seq: lastSeq });
    expect(replay.mode).toBe('replay');
    expect(replay.events.map((e: Received) => `${e.type}:${e.data.state}:${e.data.public_state}`)).toEqual([
      'incident.updated:acknowledged:investigating',
      'incident.updated:acknowledged:identified',
      'incident.resolved:resolved:resolved',
    ]);
    const seqs = replay.events.map((e: Received) => e.seq);
    expect(seqs).toEqual([lastSeq + 1, lastSeq + 3, lastSeq + 4]);
  });

  it('signing out drops that session\'s live sockets at once; the same user\'s other session stays', async () => {
    const email = 'leaver@realtime.test';
    await createUser(ds, { email, password: PASSWORD, role: 'viewer' });
    const leaver = await login(kuzet.base, email, PASSWORD);
    const stayer = await login(kuzet.base, email, PASSWORD);
    const c = board({ cookie: leaver.cookie });
    const other = board({ cookie: stayer.cookie });
    await c.connect();
    await other.connect();
    expect((await c.sync()).mode).toBe('snapshot');
    expect((await other.sync()).mode).toBe('snapshot');
    const gone = new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason)));
    const out = await fetch(`${kuzet.base}/api/auth/logout`, { method: 'POST', headers: leaver.headers });
    expect(out.status).toBeLessThan(300);
    expect(await gone).toBe('io server disconnect');
    expect(await refusal({ cookie: leaver.cookie })).toBe('unauthorized');
    // The other session's socket still answers, and is still connected after the round trip.
    expect(['replay', 'snapshot']).toContain((await other.sync()).mode);
    expect(other.socket.connected).toBe(true);
  });

  it('an admin disabling a user drops that user\'s live sockets without any client message', async () => {
    const email = 'disabled@realtime.test';
    await createUser(ds, { email, password: PASSWORD, role: 'duty_officer' });
    const victim = await login(kuzet.base, email, PASSWORD);
    const c = board({ cookie: victim.cookie });
    await c.connect();
    await c.sync();
    const gone = new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason)));
    const id = Number(((await ds.query('SELECT id FROM users WHERE email = $1', [email])) as { id: number }[])[0].id);
    const res = await fetch(`${kuzet.base}/api/users/${id}`, {
      method: 'PATCH',
      headers: { ...sessions.admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(res.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });
});
