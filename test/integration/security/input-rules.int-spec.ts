import { createUser, injectLogin, SignedIn } from '../../support/auth-helpers';
import { dataSourceExecutor } from '../../../apps/api/src/database/sql-executor';
import { ProbeTokensRepository } from '../../../apps/api/src/probing/tokens/probe-tokens.repository';
import { ProbeTokensService } from '../../../apps/api/src/probing/tokens/probe-tokens.service';
import { seedCatalog, SeededCatalog } from '../incidents/support/incidents-test-app';
import { AuthTestApp, startAuthTestApp } from '../auth/support/auth-test-app';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { BODY_LIMIT_BYTES, OVERSIZED_BODY_DRAIN_BYTES } from '../../../apps/api/src/request-rules/body-limit';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The request rules every route obeys: JSON-only writes, same-origin sign-in, no NUL in any text. */
describe('request rules (whole app, real PostgreSQL)', () => {
  let t: AuthTestApp;
  let seed: SeededCatalog;
  let admin: SignedIn;
  let incidentId: number;
  const PASSWORD = 'rules-password-1';
  const login = { email: 'ada@rules.kuzet', password: PASSWORD };

  beforeAll(async () => {
    t = await startAuthTestApp({ KUZET_LOGIN_RATE_LIMIT: '1000' }, async (ds) => {
      seed = await seedCatalog(ds);
    });
    await createUser(t.ds, { ...login, role: 'admin' });
    admin = await injectLogin(t.app, login.email, PASSWORD);
    const [row] = await t.ds.query(
      `INSERT INTO incidents (system_id, agency_id, kind, status, severity, state, public_state, opened_at, last_failure_at,
         title_kk, title_ru, title_en, open_key)
       VALUES ($1, $2, 'root', 'major_outage', 'sev1', 'open', 'investigating', now(), now(), 't', 't', 't', 'rules') RETURNING id`,
      [seed.systemIds.portal, seed.agencyIds.nit],
    );
    incidentId = Number(row.id);
  });
  afterAll(async () => t?.close());

  const inject = async (method: string, url: string, headers: Record<string, string>, payload?: string | object) => {
    const res = await t.app.inject({ method: method as never, url, headers, payload: payload as never });
    return { status: res.statusCode, text: res.body, body: safeJson(res.body) };
  };

  describe('writes accept only application/json', () => {
    it('refuses a form-encoded or text sign-in with 415, and signs in with JSON', async () => {
      const form = await inject('POST', '/api/auth/login', { 'content-type': 'application/x-www-form-urlencoded' }, `email=${encodeURIComponent(login.email)}&password=${PASSWORD}`);
      expect(form.status).toBe(415);
      expect(form.body.message).toContain('application/json');
      const text = await inject('POST', '/api/auth/login', { 'content-type': 'text/plain' }, JSON.stringify(login));
      expect(text.status).toBe(415);
      const json = await inject('POST', '/api/auth/login', { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(login));
      expect(json.status).toBe(200);
    });

    it('refuses a non-JSON body on a signed-in write (415), and lets a write without a body through', async () => {
      const body = 'code=form-agency';
      const form = await inject('POST', '/api/catalog/agencies', { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' }, body);
      expect(form.status).toBe(415);
      const text = await inject('PATCH', '/api/catalog/agencies/nit', { ...admin.headers, 'content-type': 'text/plain' }, '{}');
      expect(text.status).toBe(415);
      const ack = await inject('POST', `/api/incidents/${incidentId}/ack`, admin.headers);
      expect(ack.status).toBeLessThan(300);
    });

    it('keeps heartbeat pushes open to any body (cron jobs post whatever they have)', async () => {
      const push = await inject('POST', '/api/push/no-such-token-000', { 'content-type': 'text/plain' }, 'job finished');
      expect(push.status).toBe(404);
    });
  });

  describe('sign-in refuses a foreign Origin', () => {
    it('403 for another site, 200 for the same host or no Origin', async () => {
      const body = JSON.stringify(login);
      const json = { 'content-type': 'application/json', host: 'kuzet.example.kz' };
      const foreign = await inject('POST', '/api/auth/login', { ...json, origin: 'https://evil.example' }, body);
      expect(foreign.status).toBe(403);
      expect(foreign.body.message).toContain('Origin');
      expect((await inject('POST', '/api/auth/login', { ...json, origin: 'null' }, body)).status).toBe(403);
      const sameHostOtherPort = await inject('POST', '/api/auth/login', { ...json, origin: 'https://kuzet.example.kz:8443' }, body);
      expect(sameHostOtherPort.status).toBe(403);
      expect((await inject('POST', '/api/auth/login', { ...json, origin: 'https://kuzet.example.kz' }, body)).status).toBe(200);
      expect((await inject('POST', '/api/auth/login', json, body)).status).toBe(200);
    });
  });

  describe('NUL characters answer 400 naming the field', () => {
    const expectField = (res: { status: number; body: Json; text: string }, field: string) => {
      expect({ status: res.status, fields: (res.body?.errors ?? []).map((e: Json) => e.field) }).toEqual({ status: 400, fields: [field] });
      expect(res.text).not.toMatch(/\n\s+at |QueryFailedError/);
    };

    it('in the sign-in e-mail', async () => {
      expectField(await inject('POST', '/api/auth/login', {}, { email: 'ada\u0000@rules.kuzet', password: PASSWORD }), 'email');
    });

    it('in a query parameter and in a path parameter', async () => {
      expectField(await inject('GET', '/api/audit?actor=%00', admin.headers), 'actor');
      expectField(await inject('GET', '/api/catalog/systems/%00', admin.headers), 'code');
      expectField(await inject('GET', '/api/catalog/checks/portal/we%00b', admin.headers), 'code');
    });

    it('in a name and in an incident note', async () => {
      const name = { kk: 'А', ru: 'Б', en: 'bad\u0000name' };
      expectField(await inject('POST', '/api/catalog/agencies', admin.headers, { code: 'nul-agency', name }), 'name.en');
      expectField(await inject('POST', `/api/incidents/${incidentId}/notes`, admin.headers, { text: 'note\u0000' }), 'text');
      expectField(await inject('PATCH', `/api/users/${admin.user.id}`, admin.headers, { name: '\u0000' }), 'name');
    });
  });

  it('stores a probe result whose error message holds NUL, without the NUL, detail row included', async () => {
    const token = (await new ProbeTokensService(new ProbeTokensRepository(dataSourceExecutor(t.ds))).create('almaty', 'rules')).token;
    const plannedAt = Date.now() - 5_000;
    const result = {
      check_id: seed.checkIds.registry,
      region: 'almaty',
      planned_at: plannedAt,
      outcome: 2,
      latency_ms: 12,
      status_code: 500,
      error_class: 'status',
      error_message: 'upstream said \u0000boom\u0000',
      conditions: [{ condition: '[STATUS] == 200', success: false, actual: '500\u0000' }],
      details: { headers: { server: 'x\u0000y' } },
    };
    const res = await inject('POST', '/api/probe/v1/results', { authorization: `Bearer ${token}` }, { batch_id: 'nul-batch-0001', agent_id: 'rules', results: [result] });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    const [row] = await t.ds.query('SELECT error_message, conditions, details FROM check_failure_details WHERE check_id = $1 AND time = $2', [
      seed.checkIds.registry,
      new Date(plannedAt),
    ]);
    expect(row).toEqual({
      error_message: 'upstream said boom',
      conditions: [{ condition: '[STATUS] == 200', success: false, actual: '500' }],
      details: { headers: { server: 'xy' } },
    });
  });
  describe('an oversized body gets its 413 (the socket is not reset under the client)', () => {
    let port: number;
    beforeAll(async () => {
      const server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    /** A raw HTTP/1.1 connection: what a client sees byte by byte, resets included. */
    const rawClient = async () => {
      const socket: Socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      const state = { received: '', error: undefined as string | undefined, closed: false };
      socket.on('data', (chunk: Buffer) => (state.received += chunk.toString('latin1')));
      socket.on('error', (error: NodeJS.ErrnoException) => (state.error = error.code ?? error.message));
      socket.on('close', () => (state.closed = true));
      const waitFor = async (done: () => boolean, what: string) => {
        for (const started = Date.now(); !done(); await new Promise((r) => setTimeout(r, 10)))
          if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(state)}`);
      };
      const write = (data: string | Buffer) => new Promise<void>((resolve) => socket.write(data, () => resolve()));
      return { socket, state, waitFor, write };
    };
    const head = (length: number) =>
      `POST /api/catalog/agencies HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
      `cookie: ${admin.headers.cookie}\r\ncontent-length: ${length}\r\n\r\n`;

    it('reads the rest of a body refused on its declared length, then serves the next request on the same connection', async () => {
      const client = await rawClient();
      const length = BODY_LIMIT_BYTES * 2;
      const chunk = Buffer.alloc(64 * 1024, 'x');
      await client.write(head(length));
      await client.write(chunk);
      await client.waitFor(() => client.state.received.includes('\r\n\r\n'), 'the 413');
      expect(client.state.received).toMatch(/^HTTP\/1\.1 413 /);
      expect(client.state.received.toLowerCase()).not.toContain('connection: close');
      // The client goes on sending what it declared, as fetch does: no reset may meet it.
      for (let sent = chunk.length; sent < length; sent += chunk.length)
        await client.write(chunk.subarray(0, Math.min(chunk.length, length - sent)));
      client.state.received = '';
      await client.write('GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
      await client.waitFor(() => client.state.received.includes('\r\n\r\n'), 'the next answer');
      expect(client.state.received).toMatch(/^HTTP\/1\.1 200 /);
      expect(client.state.error).toBeUndefined();
      client.socket.destroy();
    });

    it('closes the connection after a 413 for a body too big to drain', async () => {
      const client = await rawClient();
      await client.write(head(OVERSIZED_BODY_DRAIN_BYTES + 1));
      await client.waitFor(() => client.state.closed || client.state.received.includes('\r\n\r\n'), 'the 413');
      expect(client.state.received).toMatch(/^HTTP\/1\.1 413 /);
      expect(client.state.received.toLowerCase()).toContain('connection: close');
      await client.waitFor(() => client.state.closed, 'the server to close');
      client.socket.destroy();
    });
  });
});

function safeJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
