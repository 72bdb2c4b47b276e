import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PostgresRateLimitStore } from '../../../apps/api/src/auth/postgres-rate-limit-store';
import { createUser, injectLogin } from '../../support/auth-helpers';
import { AuthTestApp, createAuthApp, startAuthTestApp } from './support/auth-test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Json;
}

/**
 * One real HTTP request from a chosen loopback source address (all of 127.0.0.0/8 is local on
 * Linux), so the server sees a genuine socket address, as it would from different clients.
 */
function request(base: string, from: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, base),
      {
        method,
        localAddress: from,
        agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function listen(t: AuthTestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

const lastAudit = async (t: AuthTestApp, target: string): Promise<Json> =>
  (await t.ds.query('SELECT action, client_address FROM audit_log WHERE target = $1 ORDER BY id DESC LIMIT 1', [target]))[0];

describe('client address and sign-in limits, proxy trust off (the default; real HTTP, real PostgreSQL)', () => {
  let t: AuthTestApp;
  let base: string;

  const limits = { KUZET_LOGIN_RATE_LIMIT: '3', KUZET_LOGIN_ADDRESS_LIMIT: '6', KUZET_LOGIN_RATE_WINDOW_S: '600' };

  beforeAll(async () => {
    t = await startAuthTestApp(limits);
    base = await listen(t);
    await createUser(t.ds, { email: 'real@example.kz', password: 'right-password', role: 'viewer' });
    await createUser(t.ds, { email: 'pat@example.kz', password: 'old-password', role: 'viewer' });
  });
  afterAll(async () => t?.close());

  const login = (from: string, email: string, password: string, headers: Record<string, string> = {}) =>
    request(base, from, 'POST', '/api/auth/login', { email, password }, headers);

  it('audits the socket address, not an X-Forwarded-For the client made up', async () => {
    const res = await login('127.0.0.21', 'real@example.kz', 'right-password', { 'x-forwarded-for': '198.51.100.77' });
    expect(res.status).toBe(200);
    expect(await lastAudit(t, 'user:real@example.kz')).toEqual({ action: 'auth.login', client_address: '127.0.0.21' });
  });

  it('a rotating X-Forwarded-For does not get round the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await login('127.0.0.22', `nobody${i}@example.kz`, 'guess', { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push(res.status);
    }
    // Six failures per address (KUZET_LOGIN_ADDRESS_LIMIT), whatever the header said.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    const failed = await lastAudit(t, 'user:nobody7@example.kz');
    expect(failed.client_address).toBe('127.0.0.22');
  });

  it('a stranger guessing from another address never locks the real user out', async () => {
    const guesses: number[] = [];
    for (let i = 0; i < 12; i++) guesses.push((await login('127.0.0.23', 'real@example.kz', `guess-${i}`)).status);
    // The stranger's (e-mail, address) pair stops after three consecutive failures...
    expect(guesses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(new Set(guesses.slice(3))).toEqual(new Set([429]));
    const limited = await login('127.0.0.23', 'real@example.kz', 'right-password');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // ...while the real user, from an address with no failures, signs in at once.
    expect((await login('127.0.0.24', 'real@example.kz', 'right-password')).status).toBe(200);
  });

  it('a success clears its (e-mail, address) failures: mistyping now and then never adds up', async () => {
    // Four typos in all, more than the three in a row the pair may have, fewer than the address's six.
    for (let round = 0; round < 2; round++) {
      expect((await login('127.0.0.25', 'real@example.kz', 'typo')).status).toBe(401);
      expect((await login('127.0.0.25', 'real@example.kz', 'typo')).status).toBe(401);
      expect((await login('127.0.0.25', 'real@example.kz', 'right-password')).status).toBe(200);
    }
  });

  it('counts failures in PostgreSQL: a second API node on the same database refuses the pair too, and no e-mail is kept in clear', async () => {
    const other = await createAuthApp(t.url, limits);
    try {
      const inject = (app: typeof other, password: string) =>
        app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.7.0.1', payload: { email: 'real@example.kz', password } });
      for (let i = 0; i < 3; i++) expect((await inject(t.app, 'guess')).statusCode).toBe(401);
      expect((await inject(other, 'right-password')).statusCode).toBe(429);
    } finally {
      await other.close();
    }
    const keys = (await t.ds.query('SELECT key FROM login_rate_limits')).map((r: Json) => r.key as string);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/example\.kz|10\.7\.0\.1/);
    // The sweep deletes counters once their window is over, and only those.
    const store = t.app.get(PostgresRateLimitStore);
    expect(await store.sweep(Date.now())).toBe(0);
    expect(await store.sweep(Date.now() + 601_000)).toBe(keys.length);
  });

  it('limits wrong current passwords on password change: 429 with Retry-After', async () => {
    const s = await injectLogin(t.app, 'pat@example.kz', 'old-password');
    const change = (current: string) =>
      request(base, '127.0.0.26', 'POST', '/api/auth/password', { current_password: current, new_password: 'new-password-1' }, s.headers);
    for (let i = 0; i < 3; i++) expect((await change(`nope-${i}`)).status).toBe(403);
    const limited = await change('old-password');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Nothing changed: the old password still signs in.
    expect((await login('127.0.0.27', 'pat@example.kz', 'old-password')).status).toBe(200);
  });
});

describe('client address with KUZET_TRUST_PROXY=127.0.0.1 (real HTTP)', () => {
  let t: AuthTestApp;
  let base: string;

  beforeAll(async () => {
    t = await startAuthTestApp({ KUZET_TRUST_PROXY: '127.0.0.1' });
    base = await listen(t);
    await createUser(t.ds, { email: 'ada@example.kz', password: 'right-password', role: 'viewer' });
  });
  afterAll(async () => t?.close());

  it('takes the client address from X-Forwarded-For when the trusted proxy sent it', async () => {
    const res = await request(base, '127.0.0.1', 'POST', '/api/auth/login', { email: 'ada@example.kz', password: 'right-password' }, {
      'x-forwarded-for': '198.51.100.9',
    });
    expect(res.status).toBe(200);
    expect(await lastAudit(t, 'user:ada@example.kz')).toEqual({ action: 'auth.login', client_address: '198.51.100.9' });
  });

  it('ignores X-Forwarded-For from an address that is not the proxy', async () => {
    const res = await request(base, '127.0.0.31', 'POST', '/api/auth/login', { email: 'ada@example.kz', password: 'right-password' }, {
      'x-forwarded-for': '198.51.100.10',
    });
    expect(res.status).toBe(200);
    expect((await lastAudit(t, 'user:ada@example.kz')).client_address).toBe('127.0.0.31');
  });
});
