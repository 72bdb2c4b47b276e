import { DataSource } from 'typeorm';
import { FakeClock } from '../../../apps/api/src/incidents/testing/fake-incidents';
import { NotificationsMetrics } from '../../../apps/api/src/notifications/notifications-metrics';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { signedInAs } from '../../support/auth-helpers';
import { COOLDOWN_MS, NotifierHarness, S, seed, webhook } from '../../support/notifier/notifier-test-app';
import { WebhookReceiver } from '../../support/notifier/webhook-receiver';

// The notifier against real PostgreSQL and a real webhook receiver on loopback; the clock is
// fake so that group waits, backoff and escalation run without waiting.

describe('agency alerts on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let h: NotifierHarness;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
  });

  beforeEach(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    h = await NotifierHarness.create(db.url, new FakeClock(S(0)));
    receiver.received.length = 0;
    receiver.attempts.length = 0;
    receiver.mode = { kind: 'ok' };
  });
  afterEach(async () => {
    await h?.close();
    await ds?.destroy();
    await db?.drop();
  });

  const outbox = async () =>
    (await ds.query('SELECT id, kind, state, attempts, next_attempt_at, last_error, recipient, incident_ids FROM notification_outbox ORDER BY id')) as {
      id: string;
      kind: string;
      state: string;
      attempts: number;
      next_attempt_at: Date;
      last_error: string | null;
      recipient: string;
      incident_ids: string[];
    }[];

  it('storm: 40 systems of one agency failing within 10 s make exactly one message per contact, later exactly one resolution', async () => {
    const systems = Array.from({ length: 40 }, (_, i) => ({ code: `sys-${i}`, agency: 'nit' }));
    const ids = await seed(
      ds,
      [{ code: 'nit', contacts: [webhook(receiver.url('/nit-a'), 'a'), webhook(receiver.url('/nit-b'), 'b', 'kk')] }],
      systems,
    );
    for (let i = 0; i < 40; i++) {
      await h.setStatus(ids.systems[`sys-${i}`], 'major_outage', S(i / 4));
      await h.tick(); // the group waits: nothing goes out yet
    }
    expect(receiver.received).toEqual([]);
    await h.tickAt(S(29));
    expect(receiver.received).toEqual([]);
    for (const t of [31, 40, 200]) await h.tickAt(S(t));
    for (const path of ['/nit-a', '/nit-b']) {
      expect(receiver.to(path).map((r) => r.body.kind)).toEqual(['firing']);
      expect(receiver.to(path)[0].body.incidents.map((i) => i.systemCode).sort()).toEqual(systems.map((s) => s.code).sort());
    }
    // All recover within 10 s; each resolves a cooldown later; the group interval holds the message.
    for (let i = 0; i < 40; i++) await h.setStatus(ids.systems[`sys-${i}`], 'operational', S(300 + i / 4));
    await h.sweepAt(S(310) + COOLDOWN_MS);
    for (const t of [380, 400, 600, 900]) await h.tickAt(S(t));
    for (const path of ['/nit-a', '/nit-b']) {
      expect(receiver.to(path).map((r) => r.body.kind)).toEqual(['firing', 'resolved']);
      expect(receiver.to(path)[1].body.incidents).toHaveLength(40);
    }
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(4);
    const metrics = h.app.get(NotificationsMetrics);
    const value = async (m: { get(): Promise<{ values: { value: number; labels: Record<string, unknown> }[] }> }) =>
      (await m.get()).values.find((v) => v.labels.channel === 'webhook')?.value;
    expect(await value(metrics.sent)).toBe(4);
    expect(await value(metrics.backlog)).toBeUndefined();
    expect((await metrics.latency.get()).values.find((v) => v.metricName?.endsWith('_count'))?.value).toBe(4);
  });

  it('dependency: a gateway and 10 dependents of other agencies make one alert naming the 10, and one informational line per other agency', async () => {
    const deps = Array.from({ length: 10 }, (_, i) => ({ code: `dep-${i}`, agency: i < 5 ? 'mju' : 'kgd', dependsOn: ['gateway'] }));
    const ids = await seed(
      ds,
      [
        { code: 'nit', contacts: [webhook(receiver.url('/nit'))] },
        { code: 'mju', contacts: [webhook(receiver.url('/mju'))] },
        { code: 'kgd', contacts: [webhook(receiver.url('/kgd'))] },
      ],
      [{ code: 'gateway', agency: 'nit', tier: 'critical' }, ...deps],
    );
    await h.setStatus(ids.systems.gateway, 'major_outage', S(0));
    for (let i = 0; i < 10; i++) await h.setStatus(ids.systems[`dep-${i}`], 'major_outage', S(1 + i / 2));
    for (const t of [10, 31, 40, 400]) await h.tickAt(S(t));
    const nit = receiver.to('/nit');
    expect(nit.map((r) => r.body.kind)).toEqual(['firing']);
    expect(nit[0].body.incidents.map((i) => i.systemCode)).toEqual(['gateway']);
    expect(nit[0].body.incidents[0].alsoAffected.map((a) => a.systemCode).sort()).toEqual(deps.map((d) => d.code).sort());
    for (const [path, agencyDeps] of [['/mju', deps.slice(0, 5)], ['/kgd', deps.slice(5)]] as const) {
      expect(receiver.to(path).map((r) => r.body.kind)).toEqual(['informational']);
      expect(receiver.to(path)[0].body.incidents.map((i) => i.systemCode).sort()).toEqual(agencyDeps.map((d) => d.code).sort());
    }
    // Still failing 4 h (repeat_interval) after the alert: one reminder, to the gateway's agency only.
    await h.tickAt(S(31 + 4 * 3600 - 10));
    expect(receiver.to('/nit').map((r) => r.body.kind)).toEqual(['firing']);
    await h.tickAt(S(31 + 4 * 3600));
    await h.tickAt(S(40 + 4 * 3600));
    expect(receiver.to('/nit').map((r) => r.body.kind)).toEqual(['firing', 'repeat']);
    expect(receiver.received.filter((r) => r.body.kind === 'repeat')).toHaveLength(1);
  });

  it("outage of the receiver (refused, then 503 with Retry-After): everything arrives once it is back, in order per incident, duplicates share the key", async () => {
    const ids = await seed(
      ds,
      [{ code: 'out', contacts: [webhook(receiver.url('/out'))], notifications: { group_wait: 0, group_interval: 0 } }],
      [
        { code: 'first', agency: 'out' },
        { code: 'second', agency: 'out' },
      ],
    );
    await receiver.stop();
    await h.setStatus(ids.systems.first, 'major_outage', S(0));
    await h.tickAt(S(1));
    expect((await outbox()).map((r) => [r.state, r.last_error])).toEqual([['failed', 'connection refused']]);
    await h.setStatus(ids.systems.second, 'major_outage', S(5));
    for (const t of [10, 20, 30]) await h.tickAt(S(t));
    // Back, but overloaded: 503 with Retry-After 120 s.
    receiver.mode = { kind: 'unavailable', retryAfterS: 120 };
    await receiver.start();
    await h.tickAt(S(60));
    const afterRetry = await outbox();
    expect(afterRetry.every((r) => r.state === 'failed' && r.last_error === 'HTTP 503')).toBe(true);
    for (const r of afterRetry) expect(new Date(r.next_attempt_at).getTime()).toBeGreaterThanOrEqual(S(60) + 120_000);
    // The first system recovers and resolves meanwhile; the receiver would take it, but the
    // resolution waits behind its alert, which waits for its Retry-After.
    await h.setStatus(ids.systems.first, 'operational', S(70));
    await h.sweepAt(S(70) + COOLDOWN_MS);
    receiver.mode = { kind: 'ok' };
    await h.tickAt(S(71) + COOLDOWN_MS);
    expect(receiver.received).toEqual([]);
    for (let t = 180; t <= 500; t += 20) await h.tickAt(S(t));
    expect((await outbox()).map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    const kindsOf = (system: string) =>
      receiver.received.filter((r) => r.body.incidents.some((i) => i.systemCode === system)).map((r) => r.body.kind);
    expect(kindsOf('first')).toEqual(['firing', 'resolved']);
    expect(kindsOf('second')).toEqual(['firing']);
    const rows = await outbox();
    expect(receiver.attempts.filter((a) => a.startsWith('503')).length).toBeGreaterThanOrEqual(1);
    // Every attempt at one notification carried that notification's key.
    const keys = (await ds.query('SELECT idempotency_key FROM notification_outbox')) as { idempotency_key: string }[];
    const known = new Set(keys.map((k) => k.idempotency_key));
    expect(receiver.attempts.every((a) => known.has(a.split(' ')[1]))).toBe(true);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(rows.length);
  });

  it('escalation: unacknowledged after 2 min goes to the next level; acknowledging on the board stops it', async () => {
    const ids = await seed(
      ds,
      [
        {
          code: 'esc',
          contacts: [webhook(receiver.url('/duty'), 'duty'), webhook(receiver.url('/head'), 'head')],
          notifications: {
            group_wait: 0,
            group_interval: 0,
            systems: { alpha: { contacts: ['duty'] }, beta: { contacts: ['duty'] } },
            escalation: [{ after: '2m', contacts: ['head'] }],
          },
        },
      ],
      [
        { code: 'alpha', agency: 'esc' },
        { code: 'beta', agency: 'esc' },
      ],
    );
    await h.setStatus(ids.systems.alpha, 'major_outage', S(0));
    await h.tickAt(S(1));
    expect(receiver.to('/duty').map((r) => r.body.kind)).toEqual(['firing']);
    await h.tickAt(S(120));
    expect(receiver.to('/head')).toEqual([]);
    await h.tickAt(S(122));
    await h.tickAt(S(300));
    expect(receiver.to('/head').map((r) => [r.body.kind, r.body.level, r.body.incidents[0].systemCode])).toEqual([
      ['escalation', 1, 'alpha'],
    ]);

    await h.setStatus(ids.systems.beta, 'major_outage', S(400));
    await h.tickAt(S(401));
    const beta = (await ds.query('SELECT id FROM incidents WHERE system_id = $1', [ids.systems.beta])) as { id: string }[];
    const officer = await signedInAs(h.app, ds, { role: 'duty_officer' });
    const ack = await h.app.inject({ method: 'POST', url: `/api/incidents/${beta[0].id}/ack`, headers: officer.headers });
    expect(ack.statusCode).toBe(200);
    for (const t of [530, 700, 1000]) await h.tickAt(S(t));
    expect(receiver.to('/head')).toHaveLength(1);
    expect(receiver.to('/duty').map((r) => r.body.incidents[0].systemCode)).toEqual(['alpha', 'beta']);

    // The delivery log of alpha: who, what, when, channel, outcome.
    const log = await h.app.inject({ method: 'GET', url: `/api/incidents/${beta[0].id}/notifications`, headers: officer.headers });
    expect(log.statusCode).toBe(200);
    expect(JSON.parse(log.body)).toEqual([
      expect.objectContaining({ kind: 'firing', channel: 'webhook', recipient: receiver.url('').replace(/\/$/, ''), state: 'sent', attempts: 1 }),
    ]);
  });

  it('410 Gone disables the endpoint and tells the e-mail contacts; dead letters are listed and can be retried by hand', async () => {
    const ids = await seed(
      ds,
      [
        {
          code: 'gone',
          contacts: [webhook(receiver.url('/gone'), 'hook'), { kind: 'email', address: 'admin@gone.kz', language: 'en' }],
          notifications: { group_wait: 0, group_interval: 0 },
        },
      ],
      [{ code: 'svc', agency: 'gone' }],
    );
    receiver.mode = { kind: 'gone' };
    await h.setStatus(ids.systems.svc, 'major_outage', S(0));
    await h.tickAt(S(1));
    const rows = await outbox();
    const hook = rows.find((r) => r.recipient === receiver.url('/gone'))!;
    expect(hook).toMatchObject({ state: 'dead', last_error: 'HTTP 410' });
    expect(rows.filter((r) => r.kind === 'endpoint_disabled').map((r) => r.recipient)).toEqual(['admin@gone.kz']);
    expect(await ds.query('SELECT channel, recipient FROM notification_endpoints')).toEqual([
      { channel: 'webhook', recipient: receiver.url('/gone') },
    ]);

    const officer = await signedInAs(h.app, ds, { role: 'duty_officer' });
    const viewer = await signedInAs(h.app, ds, { role: 'viewer' });
    const dead = await h.app.inject({ method: 'GET', url: '/api/notifications/dead-letters', headers: officer.headers });
    expect(JSON.parse(dead.body).map((d: { id: number; last_error: string }) => [d.id, d.last_error])).toEqual([[Number(hook.id), 'HTTP 410']]);
    expect((await h.app.inject({ method: 'GET', url: '/api/notifications/dead-letters', headers: viewer.headers })).statusCode).toBe(403);
    const bad = await h.app.inject({ method: 'POST', url: '/api/notifications/abc/retry', headers: officer.headers });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).errors[0].field).toBe('id');
    expect((await h.app.inject({ method: 'POST', url: '/api/notifications/999999/retry', headers: officer.headers })).statusCode).toBe(404);
    receiver.mode = { kind: 'ok' };
    expect((await h.app.inject({ method: 'POST', url: `/api/notifications/${hook.id}/retry`, headers: officer.headers })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'POST', url: `/api/notifications/${hook.id}/retry`, headers: officer.headers })).statusCode).toBe(409);
    await h.tickAt(S(2));
    expect(receiver.to('/gone').map((r) => r.body.kind)).toEqual(['firing']);
  });
});
