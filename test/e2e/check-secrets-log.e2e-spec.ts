import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { login, SignedIn } from '../support/auth-helpers';
import { KuzetProcess, startKuzet, waitForOk } from '../support/kuzet-process';
import { createDedicatedDatabase } from '../integration/ingest/support/ingest-harness';

/**
 * The built application at debug level, with check secrets in its catalog folder (one from the
 * environment): the probe sends them, the API answers around them, and not one of them is in the
 * log output (issue 10, item 5).
 */
describe('check secrets never reach the log (built app)', () => {
  const tag = randomBytes(6).toString('hex');
  const ENV_TOKEN = `env-token-${tag}`;
  const API_KEY = `literal-api-key-${tag}`;
  const BODY_PASSWORD = `body-password-${tag}`;
  const NEW_KEY = `rest-key-${tag}`;
  const SECRETS = [ENV_TOKEN, API_KEY, BODY_PASSWORD, NEW_KEY];
  const ADMIN = { email: 'admin@secrets.kuzet', password: 'secrets-admin-password' };

  let server: Server;
  let port: number;
  const seen: IncomingHttpHeaders[] = [];
  let dir: string;
  let db: { url: string; drop: () => Promise<void> };
  let app: KuzetProcess | undefined;
  let admin: SignedIn;

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app!.baseUrl}${path}`, {
      method,
      headers: { ...admin.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(200).end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    dir = mkdtempSync(join(tmpdir(), 'kuzet-secrets-e2e-'));
    writeFileSync(
      join(dir, 'catalog.yaml'),
      `agencies:
  - code: nit
    name: { kk: НИТ, ru: НИТ, en: NIT }
systems:
  - code: egov
    agency: nit
    name: { kk: eGov, ru: eGov, en: eGov }
    tier: critical
    checks:
      - code: auth
        kind: http
        target: http://127.0.0.1:${port}/login
        interval: 1s
        timeout: 500ms
        options:
          method: POST
          headers:
            Authorization: "Bearer \${env:EGOV_TOKEN}"
            X-Api-Key: ${API_KEY}
          body: '{"password":"${BODY_PASSWORD}"}'
`,
    );
    db = await createDedicatedDatabase();
    app = startKuzet(
      {
        DATABASE_URL: db.url,
        KUZET_DATA_DIR: join(dir, '.data'),
        KUZET_CATALOG_DIR: dir,
        KUZET_DEMO: 'false',
        KUZET_PROBE_ALLOW: '127.0.0.0/8',
        KUZET_MIN_INTERVAL_S: '1',
        KUZET_LOG_LEVEL: 'debug',
        KUZET_ADMIN_EMAIL: ADMIN.email,
        KUZET_ADMIN_PASSWORD: ADMIN.password,
        EGOV_TOKEN: ENV_TOKEN,
      },
      await freePort(),
    );
    await waitForOk(`${app.baseUrl}/api/health`, 60_000, app);
    admin = await login(app.baseUrl, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => server?.close(resolve));
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('probes with the secrets, answers without them, and logs none of them', async () => {
    const deadline = Date.now() + 30_000;
    while (!seen.some((h) => h.authorization === `Bearer ${ENV_TOKEN}`) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(seen.find((h) => h['x-api-key'] === API_KEY)?.authorization).toBe(`Bearer ${ENV_TOKEN}`);

    const responses = [
      await call('GET', '/api/catalog/checks/egov/auth'),
      await call('PATCH', '/api/catalog/checks/egov/auth', { interval: 2 }),
      await call('POST', '/api/catalog/checks/egov', {
        code: 'made',
        kind: 'http',
        target: `http://127.0.0.1:${port}/x`,
        enabled: false,
        options: { headers: { 'X-Api-Key': NEW_KEY } },
      }),
      await call('POST', '/api/catalog/checks/egov', {
        code: 'bad',
        kind: 'http',
        target: `http://127.0.0.1:${port}/x`,
        options: { headers: { 'X-Api-Key': NEW_KEY, Authorization: '${env:EGOV_TOKEN}' } },
      }),
      await call('GET', '/api/audit'),
      await call('GET', '/api/catalog/systems/egov'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 201, 400, 200, 200]);
    for (const r of responses) for (const s of SECRETS) expect(r.text).not.toContain(s);
    await app!.stop();
    const log = app!.output();
    expect(log).toMatch(/catalog/); // the log is there, at debug level
    for (const s of SECRETS) expect(log).not.toContain(s);
  });
});
