import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogService } from '../../../apps/api/src/catalog/catalog.service';
import { ProbeTokensService } from '../../../apps/api/src/probing/tokens/probe-tokens.service';
import { AuthTestApp, startAuthTestApp } from '../auth/support/auth-test-app';
import { signedInAs, SignedIn } from '../../support/auth-helpers';
import { waitFor } from '../probing/support/probing-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * Check credentials (issue 10, item 5): secret headers, request bodies and tcp payloads of a
 * check are write-only through the API, kept out of the audit log, and may come from the
 * environment (`${env:NAME}`) in the catalog folder. The whole application on real PostgreSQL;
 * the embedded probe sends the resolved header to a real loopback HTTP server.
 */
describe('check secrets', () => {
  const tag = randomBytes(6).toString('hex');
  const ENV_TOKEN = `env-token-${tag}`;
  const API_KEY = `literal-api-key-${tag}`;
  const BODY_PASSWORD = `body-password-${tag}`;
  const COOKIE = `sid-${tag}`;
  const TCP_SECRET = `tcp-secret-${tag}`;
  const NEW_KEY = `rest-key-${tag}`;
  const NEW_BODY_PASSWORD = `rest-body-password-${tag}`;
  const SECRETS = [ENV_TOKEN, API_KEY, BODY_PASSWORD, COOKIE, TCP_SECRET, NEW_KEY, NEW_BODY_PASSWORD];

  let server: Server;
  let port: number;
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  let dir: string;
  let env: AuthTestApp;
  let admin: SignedIn;
  let viewer: SignedIn;

  const catalogYaml = () => `
agencies:
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
            Cookie: session=${COOKIE}
            Accept: application/json
          body: '{"user":"kuzet","password":"${BODY_PASSWORD}"}'
      - code: raw
        kind: tcp
        target: 127.0.0.1:${port}
        enabled: false
        options: { send: "AUTH ${TCP_SECRET}" }
`;

  const call = async (who: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await env.app.inject({ method, url, payload: payload as never, headers: who.headers });
    return { status: res.statusCode, text: res.body, body: res.body ? (JSON.parse(res.body) as Json) : undefined };
  };
  const expectNoSecret = (text: string) => {
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  };
  const storedOptions = async (key: string): Promise<Json> =>
    (await env.ds.query('SELECT options FROM checks WHERE key = $1', [key]))[0].options;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    dir = mkdtempSync(join(tmpdir(), 'kuzet-secrets-'));
    writeFileSync(join(dir, 'catalog.yaml'), catalogYaml());
    env = await startAuthTestApp({
      KUZET_CATALOG_DIR: dir,
      KUZET_PROBE_ALLOW: '127.0.0.0/8',
      KUZET_MIN_INTERVAL_S: '1',
      KUZET_EMBEDDED_AGENT: 'true',
      EGOV_TOKEN: ENV_TOKEN,
    });
    admin = await signedInAs(env.app, env.ds, { role: 'admin' });
    viewer = await signedInAs(env.app, env.ds, { role: 'viewer' });
  });

  afterAll(async () => {
    await env?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores the env reference, not its value, and the probe sends the resolved header to the server', async () => {
    const stored = await storedOptions('egov/auth');
    expect(stored.headers.Authorization).toBe('Bearer ${env:EGOV_TOKEN}');
    expect(JSON.stringify(stored)).not.toContain(ENV_TOKEN);
    const hit = await waitFor('a probe request', () => seen.find((s) => s.headers['x-api-key'] !== undefined));
    expect(hit.headers.authorization).toBe(`Bearer ${ENV_TOKEN}`);
    expect(hit.headers['x-api-key']).toBe(API_KEY);
    expect(hit.body).toContain(BODY_PASSWORD);
  });

  it('hands the resolved secrets to a probe agent of the region (its token is trusted)', async () => {
    const { token } = await env.app.get(ProbeTokensService).create('local', 'secrets-test');
    const headers = { authorization: `Bearer ${token}` };
    const first = JSON.parse((await env.app.inject({ method: 'GET', url: '/api/probe/v1/assignments?agent=remote-1', headers })).body);
    // A remote agent of the region takes the checks over and gets what it must send.
    const assignment = first.checks?.length
      ? first
      : await waitFor('an assignment with checks', async () => {
          const r = JSON.parse((await env.app.inject({ method: 'GET', url: `/api/probe/v1/assignments?agent=remote-1&revision=${first.revision}`, headers })).body);
          return r.checks?.length ? r : undefined;
        });
    const check = assignment.checks.find((c: Json) => c.key === 'egov/auth');
    expect(check.options.headers.Authorization).toBe(`Bearer ${ENV_TOKEN}`);
  });

  it.each(['viewer', 'admin'] as const)('never returns a secret to a %s: check, list, system, agency', async (who) => {
    const user = who === 'viewer' ? viewer : admin;
    const one = await call(user, 'GET', '/api/catalog/checks/egov/auth');
    expect(one.status).toBe(200);
    expectNoSecret(one.text);
    expect(one.text).not.toContain('${env:');
    expect(one.body.options.headers).toEqual({
      Authorization: { secret: true },
      'X-Api-Key': { secret: true },
      Cookie: { secret: true },
      Accept: 'application/json',
    });
    expect(one.body.options.body).toEqual({ secret: true });
    expect(one.body.options.method).toBe('POST');
    const tcp = await call(user, 'GET', '/api/catalog/checks/egov/raw');
    expect(tcp.body.options.send).toEqual({ secret: true });
    for (const url of ['/api/catalog/checks', '/api/catalog/checks?system=egov', '/api/catalog/systems/egov', '/api/catalog/agencies/nit']) {
      const res = await call(user, 'GET', url);
      expect(res.status).toBe(200);
      expectNoSecret(res.text);
    }
  });

  it('a PATCH that sends the placeholders back keeps the stored secrets; its response and audit entry hold none', async () => {
    const current = (await call(admin, 'GET', '/api/catalog/checks/egov/auth')).body;
    const patched = await call(admin, 'PATCH', '/api/catalog/checks/egov/auth', {
      interval: 2,
      options: { ...current.options, headers: { ...current.options.headers, Accept: 'text/plain' } },
    });
    expect(patched.status).toBe(200);
    expectNoSecret(patched.text);
    const stored = await storedOptions('egov/auth');
    expect(stored.headers).toEqual({
      Authorization: 'Bearer ${env:EGOV_TOKEN}',
      'X-Api-Key': API_KEY,
      Cookie: `session=${COOKIE}`,
      Accept: 'text/plain',
    });
    expect(stored.body).toContain(BODY_PASSWORD);
    // A PATCH without options keeps them too.
    expect((await call(admin, 'PATCH', '/api/catalog/checks/egov/auth', { interval: 3 })).status).toBe(200);
    expect((await storedOptions('egov/auth')).headers['X-Api-Key']).toBe(API_KEY);
  });

  it('creates a check with secrets: they are stored, never answered, and the audit log has none', async () => {
    const created = await call(admin, 'POST', '/api/catalog/checks/egov', {
      code: 'api-made',
      kind: 'http',
      target: `http://127.0.0.1:${port}/x`,
      enabled: false,
      options: {
        method: 'POST',
        headers: { 'X-Auth-Token': NEW_KEY, 'X-Api-Key': NEW_KEY, Accept: 'text/html' },
        body: `password=${NEW_BODY_PASSWORD}`,
      },
    });
    expect(created.status).toBe(201);
    expectNoSecret(created.text);
    expect(created.body.options.headers['X-Auth-Token']).toEqual({ secret: true });
    expect((await storedOptions('egov/api-made')).headers['X-Api-Key']).toBe(NEW_KEY);

    const rows = await env.ds.query(`SELECT changes::text AS changes FROM audit_log WHERE action LIKE 'catalog.check.%'`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) expectNoSecret(r.changes);
    const audit = await call(admin, 'GET', '/api/audit?action=catalog');
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
    expectNoSecret(audit.text);
    const revisions = await env.ds.query(`SELECT content_hash FROM catalog_revisions`);
    expect(revisions.length).toBeGreaterThan(0);
  });

  it('a new target does not inherit kept secrets: they must be sent again (400 naming the field)', async () => {
    const res = await call(admin, 'PATCH', '/api/catalog/checks/egov/api-made', { target: 'http://127.0.0.2:9/elsewhere' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'options.headers.X-Api-Key' })]),
    );
    expectNoSecret(res.text);
    const again = await call(admin, 'PATCH', '/api/catalog/checks/egov/api-made', {
      target: 'http://127.0.0.2:9/elsewhere',
      options: { method: 'GET', headers: { Accept: 'text/html' } },
    });
    expect(again.status).toBe(200);
  });

  it('a placeholder with nothing stored, or an env reference through the API, is a 400 naming the field', async () => {
    const placeholder = await call(admin, 'PATCH', '/api/catalog/checks/egov/auth', {
      options: { method: 'GET', headers: { 'X-Other-Key': { secret: true } } },
    });
    expect(placeholder.status).toBe(400);
    expect(placeholder.body.errors[0]).toMatchObject({ field: 'options.headers.X-Other-Key' });
    const ref = await call(admin, 'POST', '/api/catalog/checks/egov', {
      code: 'by-env',
      kind: 'http',
      target: `http://127.0.0.1:${port}/`,
      options: { headers: { Authorization: 'Bearer ${env:EGOV_TOKEN}' } },
    });
    expect(ref.status).toBe(400);
    expect(ref.body.errors[0]).toMatchObject({ field: 'options.headers.Authorization' });
    expect(ref.body.errors[0].message).toMatch(/catalog folder/);
  });

  it('a missing environment variable is a line-numbered catalog error, in validate and on reload', async () => {
    const yaml = catalogYaml().replace('EGOV_TOKEN', 'KUZET_TEST_UNSET_VARIABLE');
    const validated = await call(admin, 'POST', '/api/catalog/validate', { files: { 'catalog.yaml': yaml } });
    expect(validated.status).toBe(200);
    expect(validated.body.valid).toBe(false);
    expect(validated.body.errors).toEqual([
      expect.objectContaining({
        file: 'catalog.yaml',
        line: 19,
        field: 'systems[0].checks[0].options.headers.Authorization',
        message: 'environment variable KUZET_TEST_UNSET_VARIABLE is not set',
      }),
    ]);
    expectNoSecret(validated.text);
    writeFileSync(join(dir, 'catalog.yaml'), yaml);
    await expect(env.app.get(CatalogService).reload()).rejects.toThrow();
    writeFileSync(join(dir, 'catalog.yaml'), catalogYaml());
  });
});
