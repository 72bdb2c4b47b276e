import { CatalogEvents } from '../../../apps/api/src/catalog/catalog-events.service';
import { AuthBootService, DEMO_USERS } from '../../../apps/api/src/auth/auth-boot.service';
import { CredentialsPrinter } from '../../../apps/api/src/auth/credentials-printer';
import { seedCatalog } from '../incidents/support/incidents-test-app';
import { createDedicatedDatabase, openDataSource } from '../ingest/support/ingest-harness';
import { createUser, injectLogin, SignedIn } from '../../support/auth-helpers';
import { AuthTestApp, createAuthApp, startAuthTestApp } from './support/auth-test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('first admin from the configuration (created, then its password updated on restart)', () => {
  it('creates the admin at start, and a later start with another password updates it', async () => {
    const db = await createDedicatedDatabase();
    const ds = await openDataSource(db.url);
    try {
      const first = await createAuthApp(db.url, { KUZET_ADMIN_EMAIL: 'Root@Kuzet.kz', KUZET_ADMIN_PASSWORD: 'first-password' });
      try {
        const s = await injectLogin(first, 'root@kuzet.kz', 'first-password');
        expect(s.user.role).toBe('admin');
      } finally {
        await first.close();
      }
      // Same password: nothing changes (its sessions survive a restart).
      const same = await createAuthApp(db.url, { KUZET_ADMIN_EMAIL: 'root@kuzet.kz', KUZET_ADMIN_PASSWORD: 'first-password' });
      await same.close();
      expect((await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.password_reset'`))[0].n).toBe(0);
      const second = await createAuthApp(db.url, { KUZET_ADMIN_EMAIL: 'root@kuzet.kz', KUZET_ADMIN_PASSWORD: 'second-password' });
      try {
        const old = await second.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'root@kuzet.kz', password: 'first-password' } });
        expect(old.statusCode).toBe(401);
        await injectLogin(second, 'root@kuzet.kz', 'second-password');
      } finally {
        await second.close();
      }
      const users = await ds.query('SELECT email, role FROM users');
      expect(users).toEqual([{ email: 'root@kuzet.kz', role: 'admin' }]);
      const actions = (await ds.query(`SELECT action, actor_email FROM audit_log WHERE action LIKE 'user.%' ORDER BY id`)) as Json[];
      expect(actions).toEqual([
        { action: 'user.create', actor_email: 'system' },
        { action: 'user.password_reset', actor_email: 'system' },
      ]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});

describe('demo users', () => {
  let t: AuthTestApp;
  afterEach(async () => t?.close());

  it('are created once with passwords printed once; the operator belongs to the eGov portal agency', async () => {
    t = await startAuthTestApp({}, async (ds) => {
      await seedCatalog(ds);
      const [nit] = await ds.query(`SELECT id FROM agencies WHERE code = 'nit'`);
      await ds.query(`INSERT INTO systems (agency_id, code, tier, name_kk, name_ru, name_en) VALUES ($1, 'egov-portal', 'critical', 'e', 'e', 'e')`, [nit.id]);
    });
    const printer = t.app.get(CredentialsPrinter);
    const print = jest.spyOn(printer, 'print').mockImplementation(() => undefined);
    const boot = t.app.get(AuthBootService);
    const created = await boot.seedDemoUsers();
    expect(created.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email));
    expect(print).toHaveBeenCalledTimes(1);
    const lines = print.mock.calls[0][0].split('\n').map((l) => l.trim().split(/\s+/));
    for (const u of created) expect(lines).toContainEqual([u.email, u.password, `(${u.role})`]);
    const operator = created.find((u) => u.role === 'agency_operator')!;
    const s = await injectLogin(t.app, operator.email, operator.password);
    expect(s.user).toMatchObject({ role: 'agency_operator', agency: 'nit' });
    // A later start creates and prints nothing.
    expect(await boot.seedDemoUsers()).toEqual([]);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('wait for the demo catalog, then create all four at once and print them in one block', async () => {
    t = await startAuthTestApp();
    const print = jest.spyOn(t.app.get(CredentialsPrinter), 'print').mockImplementation(() => undefined);
    const boot = t.app.get(AuthBootService);
    expect(await boot.seedDemoUsers()).toEqual([]);
    expect(print).not.toHaveBeenCalled();
    await seedCatalog(t.ds);
    const [nit] = await t.ds.query(`SELECT id FROM agencies WHERE code = 'nit'`);
    await t.ds.query(`INSERT INTO systems (agency_id, code, tier, name_kk, name_ru, name_en) VALUES ($1, 'egov-portal', 'critical', 'e', 'e', 'e')`, [nit.id]);
    const printed = new Promise<string>((resolve) => print.mockImplementation((block: string) => resolve(block)));
    t.app.get(CatalogEvents).emit({ source: 'folder', revisionId: 1, contentHash: 'x', summary: {} as never });
    const block = await printed;
    for (const u of DEMO_USERS) expect(block).toContain(u.email);
    expect(print).toHaveBeenCalledTimes(1);
    const rows = await t.ds.query(`SELECT u.email, a.code FROM users u JOIN agencies a ON a.id = u.agency_id`);
    expect(rows).toEqual([{ email: 'operator@demo.kuzet', code: 'nit' }]);
  });
});

describe('users REST and the audit log', () => {
  let t: AuthTestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startAuthTestApp({}, async (ds) => void (await seedCatalog(ds)));
    await createUser(t.ds, { email: 'admin@audit.kz', password: 'admin-password', role: 'admin' });
    admin = await injectLogin(t.app, 'admin@audit.kz', 'admin-password');
  });
  afterAll(async () => t?.close());

  const call = async (method: string, url: string, payload?: unknown, s: SignedIn | undefined = admin) => {
    const res = await t.app.inject({ method: method as never, url, headers: s?.headers ?? {}, payload: payload as never });
    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as Json) : undefined };
  };
  const fieldsOf = async (method: string, url: string, payload?: unknown) => {
    const res = await call(method, url, payload);
    expect(res.status).toBe(400);
    return res.body.errors.map((e: Json) => e.field);
  };

  it('validation errors name the field', async () => {
    const ok = { email: 'v@audit.kz', role: 'viewer', password: 'long-enough' };
    expect(await fieldsOf('POST', '/api/users', { ...ok, email: 'not-an-email' })).toContain('email');
    expect(await fieldsOf('POST', '/api/users', { ...ok, role: 'root' })).toContain('role');
    expect(await fieldsOf('POST', '/api/users', { ...ok, password: 'short' })).toContain('password');
    expect(await fieldsOf('POST', '/api/users', { ...ok, colour: 'red' })).toContain('colour');
    expect(await fieldsOf('POST', '/api/users', { ...ok, role: 'agency_operator' })).toContain('agency');
    expect(await fieldsOf('POST', '/api/users', { ...ok, agency: 'nit' })).toContain('agency');
    expect(await fieldsOf('POST', '/api/users', { ...ok, role: 'agency_operator', agency: 'nowhere' })).toContain('agency');
    expect(await fieldsOf('PATCH', '/api/users/abc', { name: 'x' })).toContain('id');
    expect(await fieldsOf('PATCH', '/api/users/1', {})).toContain('(body)');
    expect((await call('PATCH', '/api/users/999999', { name: 'x' })).status).toBe(404);
    // The only admin can neither be demoted nor disabled (nobody could administer users then).
    expect(await fieldsOf('PATCH', `/api/users/${admin.user.id}`, { role: 'viewer' })).toContain('role');
    expect(await fieldsOf('PATCH', `/api/users/${admin.user.id}`, { disabled: true })).toContain('disabled');
    const created = await call('POST', '/api/users', ok);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'v@audit.kz', role: 'viewer', agency: null, disabled: false });
    expect(created.body.password_hash).toBeUndefined();
    const dup = await call('POST', '/api/users', { ...ok, email: 'V@Audit.KZ' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('email');
    const list = await call('GET', '/api/users');
    expect(list.body.map((u: Json) => u.email)).toEqual(['admin@audit.kz', 'v@audit.kz']);
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
  });

  it('a role change, a password reset or disabling ends the user\'s sessions', async () => {
    const created = await call('POST', '/api/users', { email: 'op@audit.kz', role: 'viewer', password: 'op-password-1' });
    const id = created.body.id;
    let s = await injectLogin(t.app, 'op@audit.kz', 'op-password-1');
    const renamed = await call('PATCH', `/api/users/${id}`, { name: 'Operator' });
    expect(renamed.body.name).toBe('Operator');
    expect((await call('GET', '/api/auth/me', undefined, s)).status).toBe(200); // a rename keeps sessions
    const promoted = await call('PATCH', `/api/users/${id}`, { role: 'agency_operator', agency: 'nit' });
    expect(promoted.body).toMatchObject({ role: 'agency_operator', agency: 'nit' });
    expect((await call('GET', '/api/auth/me', undefined, s)).status).toBe(401);
    s = await injectLogin(t.app, 'op@audit.kz', 'op-password-1');
    expect(s.user.agency).toBe('nit');
    expect((await call('PATCH', `/api/users/${id}`, { password: 'reset-password-1' })).status).toBe(200);
    expect((await call('GET', '/api/auth/me', undefined, s)).status).toBe(401);
    s = await injectLogin(t.app, 'op@audit.kz', 'reset-password-1');
    expect((await call('PATCH', `/api/users/${id}`, { disabled: true })).body.disabled).toBe(true);
    expect((await call('GET', '/api/auth/me', undefined, s)).status).toBe(401);
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'op@audit.kz', password: 'reset-password-1' } });
    expect(refused.statusCode).toBe(401);
    // Back to viewer: the agency goes with the role.
    const back = await call('PATCH', `/api/users/${id}`, { role: 'viewer', disabled: false });
    expect(back.body).toMatchObject({ role: 'viewer', agency: null, disabled: false });
  });

  it('records one audit entry per write kind, never a password; admins filter and page it', async () => {
    const [{ last }] = await t.ds.query('SELECT coalesce(max(id), 0)::int AS last FROM audit_log');
    const since = new Date(Date.now() - 60_000).toISOString();
    const agency = await call('POST', '/api/catalog/agencies', { code: 'audited', name: { kk: 'a', ru: 'a', en: 'a' } });
    expect(agency.status).toBe(201);
    expect((await call('PATCH', '/api/catalog/agencies/audited', { name: { kk: 'b', ru: 'b', en: 'b' } })).status).toBe(200);
    expect((await call('DELETE', '/api/catalog/agencies/audited')).status).toBe(200);
    const [portal] = await t.ds.query(`SELECT id, agency_id FROM systems WHERE code = 'portal'`);
    const [inc] = await t.ds.query(
      `INSERT INTO incidents (system_id, agency_id, kind, status, severity, state, public_state, opened_at, last_failure_at, title_kk, title_ru, title_en, open_key)
       VALUES ($1, $2, 'root', 'major_outage', 'sev1', 'open', 'investigating', now(), now(), 't', 't', 't', 'audit-1') RETURNING id`,
      [portal.id, portal.agency_id],
    );
    expect((await call('POST', `/api/incidents/${inc.id}/ack`)).status).toBe(200);
    expect((await call('POST', `/api/incidents/${inc.id}/notes`, { text: 'looking' })).status).toBe(201);
    // A failed write records nothing.
    expect((await call('POST', '/api/incidents/999999/ack')).status).toBe(404);
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@audit.kz', password: 'wrong-secret-pw' } });

    const page = await call('GET', `/api/audit?from=${since}&limit=500`);
    expect(page.status).toBe(200);
    const actions = page.body.items.filter((e: Json) => e.id > last).map((e: Json) => `${e.action} ${e.target}`).reverse();
    expect(actions).toEqual([
      'catalog.agency.create agency:audited',
      'catalog.agency.update agency:audited',
      'catalog.agency.disable agency:audited',
      `incident.ack incident:${inc.id}`,
      `incident.note incident:${inc.id}`,
      'auth.login_failed user:admin@audit.kz',
    ]);
    const ack = page.body.items.find((e: Json) => e.action === 'incident.ack');
    expect(ack).toMatchObject({ actor_email: 'admin@audit.kz', actor_id: admin.user.id, client_address: '127.0.0.1' });
    expect(page.body.items.find((e: Json) => e.action === 'incident.note').changes).toEqual({ text: 'looking' });

    const all = await call('GET', '/api/audit?limit=500');
    const text = JSON.stringify(all.body);
    for (const secret of ['admin-password', 'op-password-1', 'reset-password-1', 'long-enough', 'wrong-secret-pw']) expect(text).not.toContain(secret);
    const kinds = new Set(all.body.items.map((e: Json) => e.action));
    for (const k of ['auth.login', 'auth.login_failed', 'user.create', 'user.update', 'user.role_change', 'user.password_reset', 'user.disable'])
      expect(kinds).toContain(k);
    const roleChange = all.body.items.find((e: Json) => e.action === 'user.role_change' && e.changes.role?.to === 'agency_operator');
    expect(roleChange.changes).toMatchObject({ role: { from: 'viewer', to: 'agency_operator' }, agency: { from: null, to: 'nit' } });

    const byAction = await call('GET', '/api/audit?action=incident');
    expect(byAction.body.items.map((e: Json) => e.action).sort()).toEqual(['incident.ack', 'incident.note']);
    const byActor = await call('GET', '/api/audit?actor=ADMIN@audit.kz&action=catalog.agency.create');
    expect(byActor.body.items).toHaveLength(1);
    const future = await call('GET', `/api/audit?from=${new Date(Date.now() + 3600_000).toISOString()}`);
    expect(future.body.items).toEqual([]);
    const p1 = await call('GET', '/api/audit?limit=2');
    const p2 = await call('GET', `/api/audit?limit=2&cursor=${p1.body.next_cursor}`);
    expect(p1.body.items).toHaveLength(2);
    expect(p2.body.items[0].id).toBeLessThan(p1.body.items[1].id);
    expect((await call('GET', '/api/audit?from=yesterday')).body.errors[0].field).toBe('from');
  });
});
