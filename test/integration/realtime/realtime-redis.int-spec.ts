import { BOARD_NAMESPACE, PUBLIC_NAMESPACE } from '@kuzet/contracts';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createUser, login } from '../../support/auth-helpers';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import {
  outage,
  RealtimeTestApp,
  seedRealtimeCatalog,
  Seeded,
  startRealtimeApp,
  TestClient,
} from './support/realtime-test-app';

/** Redis runs on these machines; its pub/sub channels are shared, so this run uses its own prefix. */
const REDIS_URL = 'redis://127.0.0.1:6379';

describe('real time across two API nodes through the Redis adapter', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let seed: Seeded;
  let nodeA: RealtimeTestApp;
  let nodeB: RealtimeTestApp;
  const clients: TestClient[] = [];
  const key = `kuzet-it-${process.pid}-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    seed = await seedRealtimeCatalog(ds);
    const settings = { REDIS_URL, KUZET_REALTIME_SUMMARY_MS: '600000' };
    nodeA = await startRealtimeApp(db.url, settings, key);
    nodeB = await startRealtimeApp(db.url, settings, key);
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await nodeA?.close();
    await nodeB?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('an event caused on node A reaches /public and the right /board rooms on node B', async () => {
    await createUser(ds, { email: 'admin@redis.test', password: 'redis-test-password', role: 'admin' });
    await createUser(ds, {
      email: 'op@redis.test',
      password: 'redis-test-password',
      role: 'agency_operator',
      agency: 'mju',
    });
    const admin = await login(nodeB.base, 'admin@redis.test', 'redis-test-password');
    const operator = await login(nodeB.base, 'op@redis.test', 'redis-test-password');
    const onB = {
      public: new TestClient(nodeB.base, PUBLIC_NAMESPACE),
      admin: new TestClient(nodeB.base, BOARD_NAMESPACE, { cookie: admin.cookie }),
      opMju: new TestClient(nodeB.base, BOARD_NAMESPACE, { cookie: operator.cookie }),
    };
    clients.push(...Object.values(onB));
    const synced: Record<string, { snapshot: { epoch: string; seq: number } }> = {};
    for (const [name, c] of Object.entries(onB)) {
      await c.connect();
      synced[name] = await c.sync();
    }
    // Subscriptions to Redis are asynchronous: make sure both nodes hear before we cause anything.
    await waitForRedisSubscribers(key, 2);

    await nodeA.feed(outage(seed.checkIds.gateway)); // nit: national room, not mju's
    await onB.public.waitFor((e) => e.some((x) => x.type === 'incident.opened'), 'incident from node A');
    await onB.admin.waitFor((e) => e.some((x) => x.type === 'incident.opened'), 'incident from node A');
    expect(onB.public.ofType('incident.opened')[0].data).toMatchObject({ system: 'gateway', agency: 'nit' });
    expect(onB.admin.ofType('incident.opened')[0].data).toMatchObject({ system: 'gateway', state: 'open' });

    await nodeA.feed(outage(seed.checkIds.registry)); // mju: the barrier for mju's operator
    await onB.opMju.waitFor((e) => e.some((x) => x.type === 'incident.opened'), 'mju incident from node A');
    expect([...new Set(onB.opMju.events.map((e) => e.data.agency))]).toEqual(['mju']);
    // Each event once, even though it went to two rooms through Redis.
    // (the registry's status event may still be on its way when mju's operator has the incident)
    await onB.admin.waitFor((e) => e.length >= 4, 'both incidents and both status events');
    const seqs = onB.admin.events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(onB.admin.events).toHaveLength(4);
    await onB.public.waitFor(
      (e) => e.filter((x) => x.type === 'incident.opened').length === 2,
      'both incidents',
    );
    // Node B sequenced A's events in its own stream: one epoch, contiguous numbers, as if local.
    const epochB = synced.public.snapshot.epoch;
    expect(new Set(onB.public.events.map((e) => e.epoch))).toEqual(new Set([epochB]));
    const pubSeqs = onB.public.events.map((e) => e.seq);
    expect(pubSeqs).toEqual(pubSeqs.map((_, i) => synced.public.snapshot.seq + 1 + i));

    // So a client of node B that missed an event caused on node A gets it replayed by node B.
    const lastSeq = pubSeqs[pubSeqs.length - 1];
    onB.public.close();
    const gateway = Number(
      (
        (await ds.query(
          `SELECT i.id FROM incidents i JOIN systems s ON s.id = i.system_id WHERE s.code = 'gateway'`,
        )) as {
          id: number;
        }[]
      )[0].id,
    );
    await nodeA.incidents.addPublicUpdate(
      gateway,
      'identified',
      { kk: 'a', ru: 'b', en: 'c' },
      'ops@example.kz',
    );
    await onB.admin.waitFor((e) => e.some((x) => x.type === 'incident.updated'), 'the update from node A');
    const back = new TestClient(nodeB.base, PUBLIC_NAMESPACE);
    clients.push(back);
    await back.connect();
    const replay = await back.sync({ epoch: epochB, last_seq: lastSeq });
    expect(replay.mode).toBe('replay');
    expect(
      replay.events.map((e: { seq: number; type: string; data: { public_state: string } }) => [
        e.seq,
        e.type,
        e.data.public_state,
      ]),
    ).toEqual([[lastSeq + 1, 'incident.updated', 'identified']]);
  });
});

/**
 * Both nodes hear this run's channels. The adapter sends PSUBSCRIBE (broadcasts) before SUBSCRIBE
 * of its node-specific response channel on the same connection, so once each node's specific
 * channel of each namespace is listed, its broadcast pattern is in place too.
 */
async function waitForRedisSubscribers(key: string, nodes: number): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  try {
    for (let i = 0; i < 200; i++) {
      const channels = (await redis.call('PUBSUB', 'CHANNELS', `${key}-response#*#?*#`)) as string[];
      const per = (ns: string) => channels.filter((c) => c.startsWith(`${key}-response#${ns}#`)).length;
      if (per(PUBLIC_NAMESPACE) >= nodes && per(BOARD_NAMESPACE) >= nodes) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the nodes never subscribed to their Redis channels');
  } finally {
    redis.disconnect();
  }
}
