import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER } from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import { dataSourceExecutor } from '../../apps/api/src/database/sql-executor';
import { ProbeTokensRepository } from '../../apps/api/src/probing/tokens/probe-tokens.repository';
import { ProbeTokensService } from '../../apps/api/src/probing/tokens/probe-tokens.service';
import { createDedicatedDatabase, openDataSource } from '../integration/ingest/support/ingest-harness';
import { login } from '../support/auth-helpers';
import { freePort } from '../support/free-port';
import { KuzetProcess, startKuzet, waitForOk } from '../support/kuzet-process';

const ADMIN = { email: 'admin@logscan.kuzet', password: 'log-scan-admin-password' };
const REGION = 'logscan';
const CHECK_SECRET = `chk-secret-${process.pid}-log-scan`;

const CATALOG = `
agencies:
  - code: ls-agency
    name: { kk: Агенттік, ru: Агентство, en: Agency }
systems:
  - code: ls-system
    agency: ls-agency
    name: { kk: Жүйе, ru: Система, en: System }
    tier: normal
    checks:
      - code: push
        kind: heartbeat
        interval: 1m
        options: { grace: 1m }
      - code: api
        kind: http
        target: https://egov.kz/health
        interval: 1m
        options:
          headers: { Authorization: 'Bearer ${CHECK_SECRET}', X-Api-Key: '${CHECK_SECRET}' }
`;

/**
 * A whole session against the built app at debug level: sign-in, reads, writes with the CSRF
 * token, a refused write, heartbeat pushes (POST, GET, query string), a probe batch and a long
 * poll with a probe token, a check whose headers hold a credential, sign-out. None of the
 * credentials may appear in the log output.
 */
describe('log scan: no credential reaches the log (built app)', () => {
  const catalogDir = mkdtempSync(join(tmpdir(), 'kuzet-logscan-'));
  let db: Awaited<ReturnType<typeof createDedicatedDatabase>>;
  let ds: DataSource;
  let app: KuzetProcess | undefined;

  beforeAll(async () => {
    writeFileSync(join(catalogDir, 'catalog.yaml'), CATALOG);
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
  });

  afterAll(async () => {
    await app?.stop(10_000);
    await ds?.destroy();
    await db?.drop();
    rmSync(catalogDir, { recursive: true, force: true });
  });

  it('keeps session, CSRF, push and probe tokens and check credentials out of every log line', async () => {
    app = startKuzet(
      {
        DATABASE_URL: db.url,
        KUZET_CATALOG_DIR: catalogDir,
        KUZET_CATALOG_WATCH: 'false',
        KUZET_DEMO: 'false',
        KUZET_EMBEDDED_AGENT: 'false',
        KUZET_LOG_LEVEL: 'debug',
        KUZET_ADMIN_EMAIL: ADMIN.email,
        KUZET_ADMIN_PASSWORD: ADMIN.password,
      },
      await freePort(),
    );
    const base = app.baseUrl;
    await waitForOk(`${base}/api/health`, 60_000, app);

    const admin = await login(base, ADMIN.email, ADMIN.password);
    const sessionToken = admin.cookie.split('=')[1];
    const json = { 'content-type': 'application/json' };
    expect((await fetch(`${base}/api/auth/me`, { headers: admin.headers })).status).toBe(200);
    const created = await fetch(`${base}/api/catalog/agencies`, {
      method: 'POST',
      headers: { ...admin.headers, ...json },
      body: JSON.stringify({ code: 'ls-written', name: { kk: 'Жазба', ru: 'Запись', en: 'Written' } }),
    });
    expect(created.status).toBe(201);
    // A refused write (wrong CSRF token) and a bad one (400) are logged too, with their headers.
    const refused = await fetch(`${base}/api/catalog/agencies`, {
      method: 'POST',
      headers: { cookie: admin.cookie, [CSRF_HEADER]: `${admin.csrfToken.slice(0, -2)}xx`, ...json },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    const bad = await fetch(`${base}/api/catalog/agencies`, { method: 'POST', headers: { ...admin.headers, ...json }, body: '{"code":5}' });
    expect(bad.status).toBe(400);

    const [check] = await ds.query<{ push_token: string }[]>(`SELECT push_token FROM checks WHERE kind = 'heartbeat'`);
    const pushToken = check.push_token;
    expect((await fetch(`${base}/api/push/${pushToken}`, { method: 'POST', body: 'job done' })).status).toBe(200);
    expect((await fetch(`${base}/api/push/${pushToken}?status=ok`)).status).toBe(200);
    expect((await fetch(`${base}/api/push/${pushToken}x`)).status).toBe(404);

    const probe = await new ProbeTokensService(new ProbeTokensRepository(dataSourceExecutor(ds))).create(REGION, 'log-scan');
    const bearer = { authorization: `Bearer ${probe.token}` };
    const batch = {
      batch_id: `logscan-${Date.now()}`,
      agent_id: 'logscan-agent',
      results: [
        { check_id: 1, region: REGION, planned_at: Date.now(), outcome: 0, latency_ms: 5, status_code: 200, error_class: null },
      ],
    };
    const pushed = await fetch(`${base}/api/probe/v1/results`, { method: 'POST', headers: { ...bearer, ...json }, body: JSON.stringify(batch) });
    expect(pushed.status).toBeLessThan(500);
    const polled = await fetch(`${base}/api/probe/v1/assignments?agent=logscan-agent&revision=none&wait_s=0`, { headers: bearer });
    expect(polled.status).toBeLessThan(500);
    // A token sent where it does not belong (query string) is not logged either.
    expect((await fetch(`${base}/api/health?token=${probe.token}`)).status).toBe(200);
    expect((await fetch(`${base}/api/audit?secret=${probe.token}`, { headers: admin.headers })).status).toBeLessThan(500);

    expect((await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: admin.headers })).status).toBe(204);
    // pino writes asynchronously: let the last lines arrive.
    await new Promise((r) => setTimeout(r, 500));

    const log = app.output();
    // The scan means something only if the requests were logged at all.
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/push/');
    // The catalog with the credential-bearing check was loaded (its audit and log lines were written).
    expect((await ds.query(`SELECT 1 FROM checks WHERE code = $1`, ['api'])).length).toBe(1);
    const secrets = { session: sessionToken, csrf: admin.csrfToken, push: pushToken, probe: probe.token, check: CHECK_SECRET };
    const leaks = Object.entries(secrets)
      .filter(([, value]) => log.includes(value))
      .map(([name, value]) => `${name}: ${log.split('\n').find((line) => line.includes(value))?.slice(0, 400)}`);
    expect(leaks).toEqual([]);
  });
});
