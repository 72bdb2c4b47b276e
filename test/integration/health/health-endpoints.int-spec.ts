import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createAuthApp } from '../auth/support/auth-test-app';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { startTcpProxy, TcpProxy } from '../../support/tcp-proxy';

const get = async (app: NestFastifyApplication, url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body };
};

async function waitFor<T>(what: string, probe: () => Promise<T | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Liveness, readiness and the extended /api/health of the whole application on real PostgreSQL,
 * reached through a loopback TCP proxy so the test can cut the database off for real. The
 * notifier loop is off (KUZET_NOTIFY_TICK_MS=0): a due notification then waits, as it would
 * with no node running the notifier.
 */
describe('health endpoints (whole app, real PostgreSQL through a cuttable proxy)', () => {
  let db: Awaited<ReturnType<typeof createDedicatedDatabase>>;
  let ds: DataSource;
  let proxy: TcpProxy;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
    const url = new URL(db.url);
    proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
    url.host = `127.0.0.1:${proxy.port}`;
    app = await createAuthApp(url.toString(), { KUZET_NOTIFY_TICK_MS: '0' });
  });

  afterAll(async () => {
    proxy?.restore();
    await app?.close();
    await proxy?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('is live and ready, and /api/health lists the plain-mode background jobs', async () => {
    expect(await get(app, '/api/health/live')).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
    const ready = await get(app, '/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' } });
    const health = await get(app, '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.background_jobs).toMatchObject({ ok: true, source: 'process' });
    expect(health.body.background_jobs.jobs.map((j: { name: string }) => j.name).sort()).toEqual([
      'kuzet-retention',
      'kuzet-rollup-1d',
      'kuzet-rollup-1h',
      'kuzet-rollup-1m',
    ]);
    expect(health.body.notifications).toEqual({ ok: true, unsent: 0, oldest_due_s: null, max_due_s: 300 });
    // A lone node wins the leader lock before it serves.
    expect(health.body.leader).toEqual({ ok: true, is_leader: true, term: expect.any(Number) });
  });

  it('is not ready while a migration is pending, and live all along', async () => {
    const [last] = (await ds.query(`SELECT id, timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1`)) as {
      id: number;
      timestamp: string;
      name: string;
    }[];
    await ds.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    try {
      const ready = await get(app, '/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error.migrations).toEqual({ status: 'down', pending: [last.name] });
      expect((await get(app, '/api/health/live')).status).toBe(200);
    } finally {
      await ds.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
    }
    expect((await get(app, '/api/health/ready')).status).toBe(200);
  });

  it('reports a due notification nobody sends as degraded, in /api/health and /metrics', async () => {
    const [agency] = (await ds.query(
      `INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ('hq', 'hq', 'hq', 'hq') RETURNING id`,
    )) as { id: number }[];
    await ds.query(
      `INSERT INTO notification_outbox (idempotency_key, agency_id, kind, incident_ids, channel, recipient, language, payload, next_attempt_at, give_up_at, created_at)
       VALUES ('health-test-1', $1, 'firing', '{}', 'email', 'duty@hq.example', 'en', '{}', now() - interval '10 minutes', now() + interval '1 day', now() - interval '10 minutes')`,
      [agency.id],
    );
    try {
      // The report's database facts are up to a second old (read behind requests, not per request).
      const health = await waitFor('the due notification in /api/health', async () => {
        const h = await get(app, '/api/health');
        return h.body.notifications?.unsent === 1 ? h : false;
      });
      expect(health.status).toBe(503);
      expect(health.body.status).toBe('degraded');
      expect(health.body.notifications).toMatchObject({ ok: false, unsent: 1 });
      expect(health.body.notifications.oldest_due_s).toBeGreaterThanOrEqual(600);
      const metrics = (await get(app, '/metrics')).body as string;
      expect(metrics).toMatch(/^kuzet_health_ok\{component="notifications"[^}]*\} 0$/m);
      expect(metrics).toMatch(/^kuzet_health_ok\{component="database"[^}]*\} 1$/m);
      const due = /^kuzet_notifications_oldest_due_seconds\{[^}]*\} (\S+)$/m.exec(metrics);
      expect(Number(due?.[1])).toBeGreaterThanOrEqual(600);
      expect(metrics).toMatch(/^kuzet_background_job_ok\{job="kuzet-rollup-1m",source="process"[^}]*\} 1$/m);
    } finally {
      await ds.query(`DELETE FROM notification_outbox WHERE idempotency_key = 'health-test-1'`);
    }
  });

  it('is not ready (503) while the database is cut off, live all along, and ready again after', async () => {
    proxy.cut();
    try {
      const ready = await get(app, '/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error.database.status).toBe('down');
      expect((await get(app, '/api/health/live')).status).toBe(200);
      const health = await waitFor('the cut in /api/health', async () => {
        const h = await get(app, '/api/health');
        return h.body.database?.ok === false ? h : false;
      });
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'degraded', database: { ok: false }, background_jobs: null, notifications: null });
    } finally {
      proxy.restore();
    }
    await waitFor('readiness after the database is back', async () => (await get(app, '/api/health/ready')).status === 200 || false);
  });
});
