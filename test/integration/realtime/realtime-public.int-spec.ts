import { PUBLIC_NAMESPACE } from '@kuzet/contracts';
import type { DataSource } from 'typeorm';
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

const PUBLIC_INCIDENT_KEYS = [
  'agency',
  'id',
  'opened_at',
  'public_state',
  'resolved_at',
  'status',
  'system',
  'title',
];
const PUBLIC_STATUS_KEYS = ['agency', 'status', 'system', 'tier', 'updated_at'];
const text = { kk: 'Себебі анықталды', ru: 'Причина найдена', en: 'Cause identified' };

describe('real time: /public namespace, replay and snapshots (the whole API app)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let seed: Seeded;
  let kuzet: RealtimeTestApp;
  const clients: TestClient[] = [];
  const client = () => {
    const c = new TestClient(kuzet.base, PUBLIC_NAMESPACE);
    clients.push(c);
    return c;
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

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    seed = await seedRealtimeCatalog(ds);
    // The smallest buffer the configuration allows, so eviction is reachable.
    kuzet = await startRealtimeApp(db.url, { KUZET_REALTIME_REPLAY_EVENTS: '10' });
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await kuzet?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('streams incidents and statuses of public systems with public fields only', async () => {
    const c = client();
    await c.connect();
    const first = await c.sync();
    expect(first.mode).toBe('snapshot');
    expect(first.snapshot.systems.map((s: Received['data']) => s.system).sort()).toEqual([
      'gateway',
      'registry',
    ]);
    for (const s of first.snapshot.systems) expect(Object.keys(s).sort()).toEqual(PUBLIC_STATUS_KEYS);

    // portal is not public: its outage is on the board, never here. gateway's comes after it.
    await kuzet.feed(outage(seed.checkIds.portal));
    await kuzet.feed(outage(seed.checkIds.gateway));
    await c.waitFor(
      (e) => e.some((x) => x.type === 'incident.opened' && x.data.system === 'gateway'),
      'gateway opened',
    );
    expect(c.events.filter((e) => e.data.system === 'portal')).toEqual([]);

    const opened = c.ofType('incident.opened');
    expect(opened).toHaveLength(1);
    expect(Object.keys(opened[0]).sort()).toEqual(['at', 'data', 'epoch', 'seq', 'type']);
    expect(Object.keys(opened[0].data).sort()).toEqual(PUBLIC_INCIDENT_KEYS);
    expect(opened[0].data).toMatchObject({ system: 'gateway', agency: 'nit', public_state: 'investigating' });
    expect(Object.keys(opened[0].data.title as object).sort()).toEqual(['en', 'kk', 'ru']);
    const status = c.ofType('system.status');
    expect(status.map((e) => e.data.system)).toEqual(['gateway']);
    expect(Object.keys(status[0].data).sort()).toEqual(PUBLIC_STATUS_KEYS);
    const wire = JSON.stringify(c.events);
    for (const secret of [
      '10.20.30.40',
      'internal-health',
      'connect_refused',
      'flapping',
      'severity',
      'acknowledged_at',
    ])
      expect(wire).not.toContain(secret);
    // One sequence per namespace, +1 per event: the skipped numbers are none (portal went to /board only).
    const seqs = c.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
    expect(new Set(c.events.map((e) => e.epoch))).toEqual(new Set([first.snapshot.epoch]));

    // Notes are internal: a note changes nothing public, so nothing is sent.
    const id = await incidentOf('gateway');
    await kuzet.incidents.addNote(id, 'router 10.20.30.40 replaced', 'ops@example.kz');
    await kuzet.incidents.addPublicUpdate(id, 'identified', text, 'ops@example.kz');
    await kuzet.settled();
    await c.waitFor((e) => e.some((x) => x.type === 'incident.updated'), 'the public update');
    expect(c.ofType('incident.updated').map((e) => e.data.public_state)).toEqual(['identified']);
    expect(JSON.stringify(c.events)).not.toContain('router');
  });

  it('RECONNECT: a client that missed 3 events gets exactly those 3, in order, once', async () => {
    const c = client();
    await c.connect();
    const first = await c.sync();
    expect(first.mode).toBe('snapshot');
    const epoch: string = first.snapshot.epoch;
    const id = await incidentOf('gateway');
    // Live events after the snapshot, then the drop.
    await kuzet.incidents.acknowledge(id, 'ops@example.kz');
    await c.waitFor((e) => e.length > 0, 'the ack');
    const lastSeq = Math.max(first.snapshot.seq, ...c.events.map((e) => e.seq));
    c.close();

    // Three changes while the client is away, through the incidents service (committed, real).
    await kuzet.incidents.addPublicUpdate(id, 'monitoring', text, 'ops@example.kz');
    await kuzet.incidents.addPublicUpdate(id, 'identified', text, 'ops@example.kz');
    await kuzet.incidents.resolve(id, 'ops@example.kz');
    await kuzet.settled();

    const again = client();
    await again.connect();
    const replay = await again.sync({ epoch, last_seq: lastSeq });
    expect(replay.mode).toBe('replay');
    expect(replay.epoch).toBe(epoch);
    const events: Received[] = replay.events;
    expect(events.map((e) => e.seq)).toEqual([lastSeq + 1, lastSeq + 2, lastSeq + 3]);
    expect(events.map((e) => e.type)).toEqual(['incident.updated', 'incident.updated', 'incident.resolved']);
    expect(events.map((e) => e.data.public_state)).toEqual(['monitoring', 'identified', 'resolved']);
    expect(events.every((e) => e.data.id === id && e.epoch === epoch)).toBe(true);
    for (const e of events) expect(Object.keys(e.data).sort()).toEqual(PUBLIC_INCIDENT_KEYS);
    // Nothing else arrives live for what happened before the reconnect (no duplicates): the next
    // live event is the one caused now, with the next seq.
    await kuzet.feed(outage(seed.checkIds.registry));
    await again.waitFor((e) => e.some((x) => x.type === 'incident.opened'), 'registry opened');
    expect(again.events.every((e) => e.seq > lastSeq + 3)).toBe(true);
    expect(again.events.map((e) => e.data.system)).toEqual(again.events.map(() => 'registry'));
  });

  it('falls back to a snapshot for another epoch, or when the buffer dropped what the client needs', async () => {
    const c = client();
    await c.connect();
    const first = await c.sync();
    const { epoch, seq } = first.snapshot;
    c.close();

    const other = client();
    await other.connect();
    const foreign = await other.sync({ epoch: 'deadbeefdeadbeef', last_seq: seq });
    expect(foreign.mode).toBe('snapshot');
    expect(foreign.snapshot.epoch).toBe(epoch);
    expect(foreign.snapshot.seq).toBe(seq);
    // The snapshot holds the registry incident (open) and gateway's (resolved within the hour).
    const incidents = foreign.snapshot.incidents as Received['data'][];
    expect(incidents.map((i) => `${i.system}:${i.public_state}`).sort()).toEqual([
      'gateway:resolved',
      'registry:investigating',
    ]);
    for (const i of incidents) expect(Object.keys(i).sort()).toEqual(PUBLIC_INCIDENT_KEYS);
    expect(JSON.stringify(foreign.snapshot)).not.toContain('portal');

    // 11 events with a buffer of 10: the first one this client needs is gone.
    const id = await incidentOf('registry');
    for (let i = 0; i < 11; i++)
      await kuzet.incidents.addPublicUpdate(id, i % 2 ? 'identified' : 'monitoring', text, 'ops@example.kz');
    await kuzet.settled();
    const late = client();
    await late.connect();
    const evicted = await late.sync({ epoch, last_seq: seq });
    expect(evicted.mode).toBe('snapshot');
    expect(evicted.snapshot.seq).toBe(seq + 11);
    expect(
      (evicted.snapshot.incidents as Received['data'][]).find((i) => i.system === 'registry')?.public_state,
    ).toBe('monitoring');
    // One event later (seq + 1 dropped, seq + 2 kept): replay again.
    const replay = await late.sync({ epoch, last_seq: seq + 1 });
    expect(replay.mode).toBe('replay');
    expect(replay.events.map((e: Received) => e.seq)).toEqual(
      Array.from({ length: 10 }, (_, i) => seq + 2 + i),
    );
  });

  it('also works over HTTP long-polling on the Fastify server (browsers fall back to it)', async () => {
    const c = new TestClient(kuzet.base, PUBLIC_NAMESPACE, {}, ['polling']);
    clients.push(c);
    await c.connect();
    expect(c.socket.io.engine.transport.name).toBe('polling');
    const res = await c.sync();
    expect(res.mode).toBe('snapshot');
    await kuzet.incidents.addPublicUpdate(await incidentOf('registry'), 'monitoring', text, 'ops@example.kz');
    await c.waitFor((e) => e.some((x) => x.type === 'incident.updated'), 'the update over polling');
    expect(c.ofType('incident.updated')[0].data).toMatchObject({
      system: 'registry',
      public_state: 'monitoring',
    });
  });

  it('exports clients per namespace, events emitted and replay vs snapshot syncs on /metrics', async () => {
    const c = client();
    await c.connect();
    await c.sync();
    const body = await (await fetch(`${kuzet.base}/metrics`)).text();
    const value = (pattern: RegExp) => Number(body.match(pattern)?.[1] ?? NaN);
    expect(value(/kuzet_realtime_clients\{[^}]*namespace="\/public"[^}]*\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(value(/kuzet_realtime_clients\{[^}]*namespace="\/board"[^}]*\} (\d+)/)).toBe(0);
    expect(
      value(/kuzet_realtime_syncs_total\{[^}]*namespace="\/public"[^}]*mode="replay"[^}]*\} (\d+)/),
    ).toBeGreaterThanOrEqual(2);
    expect(
      value(/kuzet_realtime_syncs_total\{[^}]*namespace="\/public"[^}]*mode="snapshot"[^}]*\} (\d+)/),
    ).toBeGreaterThanOrEqual(5);
    expect(
      value(/kuzet_realtime_events_total\{[^}]*namespace="\/public"[^}]*type="incident.opened"[^}]*\} (\d+)/),
    ).toBe(2);
  });

  it('ignores malformed syncs and refuses oversized messages without harm', async () => {
    const c = client();
    await c.connect();
    const res = await c.sync({ epoch: 42 as never, last_seq: 'x' as never });
    expect(res.mode).toBe('snapshot');
    // A message above maxHttpBufferSize (16 KiB) closes that socket; the server carries on.
    c.socket.emit('sync', { epoch: 'a'.repeat(64 * 1024) }, () => undefined);
    await new Promise<void>((resolve) => c.socket.once('disconnect', () => resolve()));
    const next = client();
    await next.connect();
    expect((await next.sync()).mode).toBe('snapshot');
  });
});
