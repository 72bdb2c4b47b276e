import { CSRF_HEADER, SESSION_COOKIE } from '@kuzet/contracts';
import { createUser, injectLogin } from '../../support/auth-helpers';
import { AuthTestApp, startAuthTestApp } from './support/auth-test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('sign-in, sessions and CSRF (whole app, real PostgreSQL)', () => {
  let t: AuthTestApp;

  beforeAll(async () => {
    t = await startAuthTestApp({ KUZET_LOGIN_RATE_LIMIT: '3', KUZET_LOGIN_RATE_WINDOW_S: '600' });
    await createUser(t.ds, { email: 'Ada@Example.kz', password: 'right-password', role: 'admin' });
    await createUser(t.ds, { email: 'vera@example.kz', password: 'right-password', role: 'viewer' });
  });
  afterAll(async () => t?.close());

  // remoteAddress: the socket address each request comes from (no proxy is trusted here).
  const inject = async (method: string, url: string, headers: Record<string, string> = {}, payload?: unknown, remoteAddress?: string) => {
    const res = await t.app.inject({ method: method as never, url, headers, payload: payload as never, remoteAddress });
    return { status: res.statusCode, headers: res.headers, body: res.body ? (JSON.parse(res.body) as Json) : undefined };
  };
  const loginReq = (email: string, password: string, headers: Record<string, string> = {}, from?: string) =>
    inject('POST', '/api/auth/login', headers, { email, password }, from);

  it('signs in (e-mail case-insensitive) with an httpOnly SameSite=Lax cookie and returns the SessionView', async () => {
    const res = await loginReq('ada@EXAMPLE.kz', 'right-password');
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'ada@example.kz', role: 'admin', agency: null });
    expect(res.body.csrf_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(new Date(res.body.expires_at).getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{40,};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    // The table keeps only a sha256 of the token.
    const token = cookie.split(';')[0].split('=')[1];
    const stored = await t.ds.query('SELECT token_hash FROM sessions');
    expect(stored.map((r: Json) => r.token_hash)).not.toContain(token);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('marks the cookie Secure when the request came over https (auto)', async () => {
    const res = await loginReq('ada@example.kz', 'right-password', { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toContain('Secure');
  });

  it('answers 401 with one message for a wrong e-mail and a wrong password', async () => {
    const wrongPassword = await loginReq('vera@example.kz', 'wrong-password', {}, '10.0.0.1');
    const wrongEmail = await loginReq('nobody@example.kz', 'right-password', {}, '10.0.0.2');
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongPassword.body.message).toBe(wrongEmail.body.message);
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
  });

  it('400 names the field of a malformed sign-in', async () => {
    const res = await inject('POST', '/api/auth/login', {}, { email: 'a@b.kz' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.field)).toContain('password');
  });

  it('GET /api/auth/me answers the session; without a cookie or with a bad one 401', async () => {
    const s = await injectLogin(t.app, 'vera@example.kz', 'right-password');
    const me = await inject('GET', '/api/auth/me', { cookie: s.cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: 'vera@example.kz', role: 'viewer' }, csrf_token: s.csrfToken });
    expect((await inject('GET', '/api/auth/me')).status).toBe(401);
    expect((await inject('GET', '/api/auth/me', { cookie: `${SESSION_COOKIE}=forged` })).status).toBe(401);
  });

  it('GET /api/auth/session answers 200 signed out (no cookie, a forged one) and the session when signed in', async () => {
    expect(await inject('GET', '/api/auth/session')).toMatchObject({ status: 200, body: { signed_in: false } });
    const forged = await inject('GET', '/api/auth/session', { cookie: `${SESSION_COOKIE}=forged` });
    expect(forged).toMatchObject({ status: 200, body: { signed_in: false } });
    expect(forged.body.csrf_token).toBeUndefined();
    const s = await injectLogin(t.app, 'vera@example.kz', 'right-password');
    const probe = await inject('GET', '/api/auth/session', { cookie: s.cookie });
    expect(probe.status).toBe(200);
    expect(probe.body).toMatchObject({ signed_in: true, user: { email: 'vera@example.kz', role: 'viewer' }, csrf_token: s.csrfToken });
  });

  it('writes by cookie need x-csrf-token: missing or wrong 403 naming the header, right one passes', async () => {
    const s = await injectLogin(t.app, 'ada@example.kz', 'right-password');
    const body = { email: 'new-user@example.kz', role: 'viewer', password: 'long-enough-1' };
    const missing = await inject('POST', '/api/users', { cookie: s.cookie }, body);
    expect(missing.status).toBe(403);
    expect(missing.body.message).toContain(CSRF_HEADER);
    const wrong = await inject('POST', '/api/users', { cookie: s.cookie, [CSRF_HEADER]: 'x'.repeat(43) }, body);
    expect(wrong.status).toBe(403);
    expect(wrong.body.message).toContain(CSRF_HEADER);
    const ok = await inject('POST', '/api/users', s.headers, body);
    expect(ok.status).toBe(201);
    // Another session's token does not fit this session.
    const other = await injectLogin(t.app, 'ada@example.kz', 'right-password');
    const crossed = await inject('PATCH', `/api/users/${ok.body.id}`, { cookie: s.cookie, [CSRF_HEADER]: other.csrfToken }, { name: 'x' });
    expect(crossed.status).toBe(403);
  });

  it('logout ends the session and clears the cookie', async () => {
    const s = await injectLogin(t.app, 'vera@example.kz', 'right-password');
    const out = await inject('POST', '/api/auth/logout', s.headers);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect((await inject('GET', '/api/auth/me', { cookie: s.cookie })).status).toBe(401);
  });

  it('an expired session is refused; a used one slides its expiry', async () => {
    const s = await injectLogin(t.app, 'vera@example.kz', 'right-password');
    const token = s.cookie.split('=')[1];
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    // Seen two minutes ago, 10 minutes left: a request extends it to a full TTL and re-sends the cookie.
    await t.ds.query(
      `UPDATE sessions SET last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '10 minutes' WHERE token_hash = $1`,
      [hash],
    );
    const slid = await inject('GET', '/api/auth/me', { cookie: s.cookie });
    expect(slid.status).toBe(200);
    expect(new Date(slid.body.expires_at).getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    expect(String(slid.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=${token}`);
    await t.ds.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [hash]);
    expect((await inject('GET', '/api/auth/me', { cookie: s.cookie })).status).toBe(401);
  });

  it('changes one\'s own password: a wrong current one is 403; other sessions end, this one stays', async () => {
    await createUser(t.ds, { email: 'pat@example.kz', password: 'old-password', role: 'duty_officer' });
    const a = await injectLogin(t.app, 'pat@example.kz', 'old-password');
    const b = await injectLogin(t.app, 'pat@example.kz', 'old-password');
    const wrong = await inject('POST', '/api/auth/password', a.headers, { current_password: 'nope', new_password: 'new-password-1' });
    expect(wrong.status).toBe(403);
    const short = await inject('POST', '/api/auth/password', a.headers, { current_password: 'old-password', new_password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: Json) => e.field)).toContain('new_password');
    const ok = await inject('POST', '/api/auth/password', a.headers, { current_password: 'old-password', new_password: 'new-password-1' });
    expect(ok.status).toBe(204);
    expect((await inject('GET', '/api/auth/me', { cookie: a.cookie })).status).toBe(200);
    expect((await inject('GET', '/api/auth/me', { cookie: b.cookie })).status).toBe(401);
    expect((await loginReq('pat@example.kz', 'old-password', {}, '10.0.0.9')).status).toBe(401);
    await injectLogin(t.app, 'pat@example.kz', 'new-password-1');
  });

  it('limits failed sign-ins per (e-mail, address) and per address: 429 with Retry-After', async () => {
    await createUser(t.ds, { email: 'target@example.kz', password: 'right-password', role: 'viewer' });
    // Per (e-mail, address): three failures in a row, then even the right password waits there...
    for (let i = 0; i < 3; i++) expect((await loginReq('target@example.kz', 'guess', {}, '10.1.0.1')).status).toBe(401);
    const limited = await loginReq('target@example.kz', 'right-password', {}, '10.1.0.1');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // ...but not from an address without failures: a stranger cannot lock the account.
    expect((await loginReq('target@example.kz', 'right-password', {}, '10.1.0.4')).status).toBe(200);
  });
});
