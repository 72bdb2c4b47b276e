import type { Role } from '@kuzet/contracts';
import type { FastifyInstance } from 'fastify';
import { seedCatalog, SeededCatalog } from '../incidents/support/incidents-test-app';
import { createUser, injectLogin, SignedIn } from '../../support/auth-helpers';
import { listNestRoutes, writesWithoutAuditedDecorator } from './support/route-inventory';
import { AuthTestApp, startAuthTestApp } from './support/auth-test-app';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Who = 'anonymous' | 'viewer' | 'operator' | 'duty' | 'admin';
const WHO: Who[] = ['anonymous', 'viewer', 'operator', 'duty', 'admin'];

/**
 * Expected outcome per caller: 'ok' = allowed (neither 401 nor 403), 401, 403. The operator is
 * an agency_operator of agency A (nit); every request below names A's resources.
 */
type Outcome = 'ok' | 401 | 403;
const PUBLIC: Outcome[] = ['ok', 'ok', 'ok', 'ok', 'ok'];
const SIGNED_IN: Outcome[] = [401, 'ok', 'ok', 'ok', 'ok'];
const ADMIN_ONLY: Outcome[] = [401, 403, 403, 403, 'ok'];
const INCIDENT_WRITE: Outcome[] = [401, 403, 'ok', 'ok', 'ok'];
const DUTY_OR_ADMIN: Outcome[] = [401, 403, 403, 'ok', 'ok'];
/** Machine routes (probe agents, Telegram's webhook): their own token, not a session; without one every caller gets 401. */
const PROBE_TOKEN: Outcome[] = [401, 401, 401, 401, 401];

interface Case {
  outcome: Outcome[];
  /** The request: URL with A's identifiers filled in, body; writes aim at absent items where harmless. */
  url: (ids: Ids) => string;
  body?: unknown;
  /** Sign in a session of its own (sign-out ends it). */
  fresh?: boolean;
}

interface Ids {
  incidentA: number;
  checkA: number;
  userId: number;
}

const publicUpdate = { public_state: 'identified', text: { kk: 'a', ru: 'b', en: 'c' } };

/** THE TABLE: every route of the API. A route missing here fails the test. */
const MATRIX: Record<string, Case> = {
  'GET /api/health': { outcome: PUBLIC, url: () => '/api/health' },
  'GET /api/health/live': { outcome: PUBLIC, url: () => '/api/health/live' },
  'GET /api/health/ready': { outcome: PUBLIC, url: () => '/api/health/ready' },
  'GET /metrics': { outcome: PUBLIC, url: () => '/metrics' },
  'POST /api/auth/login': { outcome: PUBLIC, url: () => '/api/auth/login', body: {} },
  'POST /api/auth/logout': { outcome: SIGNED_IN, url: () => '/api/auth/logout', fresh: true },
  'GET /api/auth/me': { outcome: SIGNED_IN, url: () => '/api/auth/me' },
  'GET /api/auth/session': { outcome: PUBLIC, url: () => '/api/auth/session' },
  'POST /api/auth/password': { outcome: SIGNED_IN, url: () => '/api/auth/password', body: {} },
  'GET /api/users': { outcome: ADMIN_ONLY, url: () => '/api/users' },
  'POST /api/users': { outcome: ADMIN_ONLY, url: () => '/api/users', body: {} },
  'PATCH /api/users/:id': { outcome: ADMIN_ONLY, url: (i) => `/api/users/${i.userId}`, body: { name: 'Renamed' } },
  'GET /api/audit': { outcome: ADMIN_ONLY, url: () => '/api/audit' },
  'GET /api/probe/v1/assignments': { outcome: PROBE_TOKEN, url: () => '/api/probe/v1/assignments?agent_id=a' },
  'POST /api/probe/v1/results': { outcome: PROBE_TOKEN, url: () => '/api/probe/v1/results', body: {} },
  'GET /api/push/:token': { outcome: PUBLIC, url: () => '/api/push/no-such-token' },
  'GET /api/public/v1/status': { outcome: PUBLIC, url: () => '/api/public/v1/status' },
  'GET /api/public/v1/systems': { outcome: PUBLIC, url: () => '/api/public/v1/systems' },
  'GET /api/public/v1/systems/:code': { outcome: PUBLIC, url: () => '/api/public/v1/systems/portal' },
  'GET /api/public/v1/systems/:code/uptime': { outcome: PUBLIC, url: () => '/api/public/v1/systems/portal/uptime' },
  'GET /api/public/v1/uptime': { outcome: PUBLIC, url: () => '/api/public/v1/uptime?days=7' },
  'GET /api/public/v1/systems/:code/feed.rss': { outcome: PUBLIC, url: () => '/api/public/v1/systems/portal/feed.rss' },
  'GET /api/public/v1/systems/:code/feed.atom': { outcome: PUBLIC, url: () => '/api/public/v1/systems/portal/feed.atom' },
  'GET /api/public/v1/systems/:code/badge.svg': { outcome: PUBLIC, url: () => '/api/public/v1/systems/portal/badge.svg' },
  'GET /api/public/v1/systems/:code/uptime-badge.svg': { outcome: PUBLIC, url: () => '/api/public/v1/systems/portal/uptime-badge.svg' },
  'GET /api/public/v1/incidents': { outcome: PUBLIC, url: () => '/api/public/v1/incidents' },
  'GET /api/public/v1/incidents/:id': { outcome: PUBLIC, url: (i) => `/api/public/v1/incidents/${i.incidentA}` },
  'GET /api/public/v1/feed.rss': { outcome: PUBLIC, url: () => '/api/public/v1/feed.rss' },
  'GET /api/public/v1/feed.atom': { outcome: PUBLIC, url: () => '/api/public/v1/feed.atom' },
  'GET /api/public/v1/open-data/availability.csv': { outcome: PUBLIC, url: () => '/api/public/v1/open-data/availability.csv' },
  'GET /api/public/v1/open-data/availability.json': { outcome: PUBLIC, url: () => '/api/public/v1/open-data/availability.json' },
  'GET /api/public/v1/open-data/schema.json': { outcome: PUBLIC, url: () => '/api/public/v1/open-data/schema.json' },
  'POST /api/push/:token': { outcome: PUBLIC, url: () => '/api/push/no-such-token' },
  'POST /api/public/v1/subscriptions': { outcome: PUBLIC, url: () => '/api/public/v1/subscriptions', body: {} },
  'GET /api/public/v1/subscriptions/confirm': { outcome: PUBLIC, url: () => '/api/public/v1/subscriptions/confirm?token=no-such-token-0000' },
  'POST /api/public/v1/subscriptions/confirm': { outcome: PUBLIC, url: () => '/api/public/v1/subscriptions/confirm?token=no-such-token-0000' },
  'POST /api/public/v1/subscriptions/form': { outcome: PUBLIC, url: () => '/api/public/v1/subscriptions/form', body: {} },
  'GET /api/public/v1/subscriptions/unsubscribe': { outcome: PUBLIC, url: () => '/api/public/v1/subscriptions/unsubscribe?token=no-such-token-0000' },
  'POST /api/public/v1/subscriptions/unsubscribe': { outcome: PUBLIC, url: () => '/api/public/v1/subscriptions/unsubscribe?token=no-such-token-0000' },
  'GET /api/catalog/systems': { outcome: SIGNED_IN, url: () => '/api/catalog/systems' },
  'GET /api/catalog/systems/:code': { outcome: SIGNED_IN, url: () => '/api/catalog/systems/portal' },
  'POST /api/catalog/systems': { outcome: ADMIN_ONLY, url: () => '/api/catalog/systems', body: {} },
  'PATCH /api/catalog/systems/:code': { outcome: ADMIN_ONLY, url: () => '/api/catalog/systems/absent', body: {} },
  'DELETE /api/catalog/systems/:code': { outcome: ADMIN_ONLY, url: () => '/api/catalog/systems/absent' },
  'GET /api/catalog/agencies': { outcome: SIGNED_IN, url: () => '/api/catalog/agencies' },
  'GET /api/catalog/agencies/:code': { outcome: SIGNED_IN, url: () => '/api/catalog/agencies/nit' },
  'POST /api/catalog/agencies': { outcome: ADMIN_ONLY, url: () => '/api/catalog/agencies', body: {} },
  'PATCH /api/catalog/agencies/:code': { outcome: ADMIN_ONLY, url: () => '/api/catalog/agencies/absent', body: {} },
  'DELETE /api/catalog/agencies/:code': { outcome: ADMIN_ONLY, url: () => '/api/catalog/agencies/absent' },
  'GET /api/catalog/checks': { outcome: SIGNED_IN, url: () => '/api/catalog/checks' },
  'GET /api/catalog/checks/:system/:code': { outcome: SIGNED_IN, url: () => '/api/catalog/checks/portal/web' },
  'POST /api/catalog/checks/:system': { outcome: ADMIN_ONLY, url: () => '/api/catalog/checks/absent', body: {} },
  'PATCH /api/catalog/checks/:system/:code': { outcome: ADMIN_ONLY, url: () => '/api/catalog/checks/absent/web', body: {} },
  'DELETE /api/catalog/checks/:system/:code': { outcome: ADMIN_ONLY, url: () => '/api/catalog/checks/absent/web' },
  'GET /api/catalog/maintenance': { outcome: SIGNED_IN, url: () => '/api/catalog/maintenance' },
  'GET /api/catalog/maintenance/:code': { outcome: SIGNED_IN, url: () => '/api/catalog/maintenance/absent' },
  'POST /api/catalog/maintenance': { outcome: ADMIN_ONLY, url: () => '/api/catalog/maintenance', body: {} },
  'PATCH /api/catalog/maintenance/:code': { outcome: ADMIN_ONLY, url: () => '/api/catalog/maintenance/absent', body: {} },
  'DELETE /api/catalog/maintenance/:code': { outcome: ADMIN_ONLY, url: () => '/api/catalog/maintenance/absent' },
  'POST /api/catalog/reload': { outcome: ADMIN_ONLY, url: () => '/api/catalog/reload' },
  'POST /api/catalog/validate': { outcome: ADMIN_ONLY, url: () => '/api/catalog/validate', body: {} },
  'GET /api/incidents': { outcome: SIGNED_IN, url: () => '/api/incidents' },
  'GET /api/incidents/:id': { outcome: SIGNED_IN, url: (i) => `/api/incidents/${i.incidentA}` },
  'POST /api/incidents/:id/ack': { outcome: INCIDENT_WRITE, url: (i) => `/api/incidents/${i.incidentA}/ack` },
  'GET /api/incidents/:id/notifications': { outcome: SIGNED_IN, url: (i) => `/api/incidents/${i.incidentA}/notifications` },
  'GET /api/notifications/dead-letters': { outcome: DUTY_OR_ADMIN, url: () => '/api/notifications/dead-letters' },
  'POST /api/notifications/:id/retry': { outcome: DUTY_OR_ADMIN, url: () => '/api/notifications/999999/retry' },
  'POST /api/notifications/telegram/link-code': { outcome: INCIDENT_WRITE, url: () => '/api/notifications/telegram/link-code' },
  'POST /api/notifications/telegram/updates': { outcome: PROBE_TOKEN, url: () => '/api/notifications/telegram/updates', body: {} },
  'POST /api/incidents/:id/notes': { outcome: INCIDENT_WRITE, url: (i) => `/api/incidents/${i.incidentA}/notes`, body: { text: 'note' } },
  'POST /api/incidents/:id/public-updates': { outcome: INCIDENT_WRITE, url: (i) => `/api/incidents/${i.incidentA}/public-updates`, body: publicUpdate },
  'POST /api/incidents/:id/resolve': { outcome: INCIDENT_WRITE, url: (i) => `/api/incidents/${i.incidentA}/resolve` },
  'GET /api/reliability': { outcome: SIGNED_IN, url: () => '/api/reliability?agency=nit' },
  'GET /api/status/systems': { outcome: SIGNED_IN, url: () => '/api/status/systems' },
  'GET /api/status/agencies': { outcome: SIGNED_IN, url: () => '/api/status/agencies' },
  'GET /api/uptime/systems/:code': { outcome: SIGNED_IN, url: () => '/api/uptime/systems/portal' },
  'GET /api/uptime/agencies/:code': { outcome: SIGNED_IN, url: () => '/api/uptime/agencies/nit' },
  'GET /api/slo/systems': { outcome: SIGNED_IN, url: () => '/api/slo/systems' },
  'GET /api/scores/agencies': { outcome: SIGNED_IN, url: () => '/api/scores/agencies' },
  'GET /api/scores/agencies.csv': { outcome: SIGNED_IN, url: () => '/api/scores/agencies.csv' },
  'GET /api/scores/agencies/:code': { outcome: SIGNED_IN, url: () => '/api/scores/agencies/nit' },
  'GET /api/scores/systems/:code': { outcome: SIGNED_IN, url: () => '/api/scores/systems/portal' },
  'GET /api/slo/systems/:code': { outcome: SIGNED_IN, url: () => '/api/slo/systems/portal' },
  'GET /api/checks/:id/results': { outcome: SIGNED_IN, url: (i) => `/api/checks/${i.checkA}/results` },
  'GET /api/checks/:id/latency': { outcome: SIGNED_IN, url: (i) => `/api/checks/${i.checkA}/latency` },
};

async function insertIncident(t: AuthTestApp, seed: SeededCatalog, system: string, agency: string): Promise<number> {
  const rows = await t.ds.query(
    `INSERT INTO incidents (system_id, agency_id, kind, status, severity, state, public_state, opened_at, last_failure_at,
       title_kk, title_ru, title_en, open_key)
     VALUES ($1, $2, 'root', 'major_outage', 'sev1', 'open', 'investigating', now(), now(), 't', 't', 't', $3) RETURNING id`,
    [seed.systemIds[system], seed.agencyIds[agency], `matrix-${system}`],
  );
  return Number(rows[0].id);
}

describe('authorization matrix: every REST route x every role', () => {
  let t: AuthTestApp;
  let seed: SeededCatalog;
  let ids: Ids;
  let incidentB: number;
  const sessions: Partial<Record<Who, SignedIn>> = {};
  const roleOf: Record<Exclude<Who, 'anonymous'>, { role: Role; agency?: string }> = {
    viewer: { role: 'viewer' },
    operator: { role: 'agency_operator', agency: 'nit' },
    duty: { role: 'duty_officer' },
    admin: { role: 'admin' },
  };
  const email = (who: Who) => `${who}@matrix.kuzet`;
  const PASSWORD = 'matrix-password';

  beforeAll(async () => {
    t = await startAuthTestApp({ KUZET_LOGIN_RATE_LIMIT: '1000' }, async (ds) => {
      seed = await seedCatalog(ds);
    });
    for (const who of WHO) {
      if (who === 'anonymous') continue;
      await createUser(t.ds, { email: email(who), password: PASSWORD, ...roleOf[who] });
      sessions[who] = await injectLogin(t.app, email(who), PASSWORD);
    }
    ids = {
      incidentA: await insertIncident(t, seed, 'portal', 'nit'),
      checkA: seed.checkIds.portal,
      userId: sessions.viewer!.user.id,
    };
    incidentB = await insertIncident(t, seed, 'registry', 'mju');
  });
  afterAll(async () => t?.close());

  const call = async (who: Who, method: string, url: string, body?: unknown, session?: SignedIn) => {
    const s = session ?? sessions[who];
    const res = await t.app.inject({ method: method as never, url, headers: s?.headers ?? {}, payload: body as never });
    return { status: res.statusCode, body: res.body ? (safeJson(res.body) as Json) : undefined };
  };

  it('the table lists exactly the routes the application serves', () => {
    const routes = listNestRoutes(t.app);
    const fastify = t.app.getHttpAdapter().getInstance() as FastifyInstance;
    // The inventory is the router's: each route really is mounted in Fastify.
    for (const r of routes) {
      const [method, url] = r.split(' ');
      expect({ route: r, mounted: fastify.hasRoute({ method: method as never, url }) }).toEqual({ route: r, mounted: true });
    }
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]); // a new route must be added to MATRIX
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('every write is audited: @Audited, or its service writes the entry (sign-in, users), or a machine endpoint', () => {
    expect(writesWithoutAuditedDecorator(t.app)).toEqual([
      'PATCH /api/users/:id', // UsersService, in the change's transaction
      'POST /api/auth/login', // AuthService: auth.login / auth.login_failed
      'POST /api/auth/logout', // AuthService: auth.logout
      'POST /api/auth/password', // UsersService: auth.password_change
      'POST /api/notifications/telegram/updates', // Telegram (its secret); TelegramLinkService / TelegramAckService audit
      'POST /api/probe/v1/results', // probe agents (token), not people
      'POST /api/public/v1/subscriptions', // citizens' sign-ups: no staff action, no address in the audit log
      'POST /api/public/v1/subscriptions/confirm', // a webhook's confirmation link (token)
      'POST /api/public/v1/subscriptions/form', // the public page's sign-up form: as the JSON sign-up
      'POST /api/public/v1/subscriptions/unsubscribe', // a citizen's link (token)
      'POST /api/push/:token', // heartbeats (token), not people
      'POST /api/users', // UsersService, in the change's transaction
    ]);
  });

  it('every route of the OpenAPI document is in the table', async () => {
    const doc = (await call('anonymous', 'GET', '/api/docs-json')).body;
    const fromDoc = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(fromDoc.length).toBeGreaterThan(30);
    expect(fromDoc.filter((r) => !(r in MATRIX))).toEqual([]);
  });

  it('the OpenAPI document asks for the session cookie exactly where the guard does', async () => {
    const doc = (await call('anonymous', 'GET', '/api/docs-json')).body;
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'kuzet_session' });
    const wrong: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>))
      for (const [method, op] of Object.entries(ops)) {
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        const outcome = MATRIX[route]?.outcome;
        const needsSession = outcome !== PUBLIC && outcome !== PROBE_TOKEN;
        const documented = (op.security ?? doc.security ?? []).some((r: Json) => 'session' in r);
        if (documented !== needsSession) wrong.push(route);
      }
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const c = MATRIX[route];
    const method = route.split(' ')[0];
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const [i, who] of WHO.entries()) {
      const session =
        c.fresh && who !== 'anonymous' ? await injectLogin(t.app, email(who), PASSWORD) : undefined;
      const { status } = await call(who, method, c.url(ids), c.body, session);
      got[who] = status === 401 || status === 403 ? status : status >= 500 ? `server error ${status}` : 'ok';
      want[who] = c.outcome[i];
    }
    expect(got).toEqual(want);
  });

  it("keeps an agency operator of A out of agency B's data and incidents", async () => {
    const op = (method: string, url: string, body?: unknown) => call('operator', method, url, body);
    expect((await op('GET', '/api/catalog/systems/registry')).status).toBe(403);
    expect((await op('GET', '/api/catalog/agencies/mju')).status).toBe(403);
    expect((await op('GET', '/api/catalog/checks/registry/web')).status).toBe(403);
    expect((await op('GET', '/api/catalog/checks?system=registry')).status).toBe(403);
    expect((await op('GET', '/api/catalog/systems?agency=mju')).status).toBe(403);
    expect((await op('GET', '/api/incidents?agency=mju')).status).toBe(403);
    expect((await op('GET', '/api/status/systems?agency=mju')).status).toBe(403);
    expect((await op('GET', `/api/incidents/${incidentB}`)).status).toBe(403);
    expect((await op('POST', `/api/incidents/${incidentB}/ack`)).status).toBe(403);
    expect((await op('GET', `/api/incidents/${incidentB}/notifications`)).status).toBe(403);
    expect((await op('POST', `/api/incidents/${incidentB}/notes`, { text: 'not mine' })).status).toBe(403);
    expect((await op('POST', `/api/incidents/${incidentB}/public-updates`, publicUpdate)).status).toBe(403);
    expect((await op('POST', `/api/incidents/${incidentB}/resolve`)).status).toBe(403);
    expect((await op('GET', '/api/reliability?agency=mju')).status).toBe(403);
    expect((await op('GET', '/api/reliability?system=registry')).status).toBe(403);
    expect((await op('GET', '/api/uptime/systems/registry')).status).toBe(403);
    expect((await op('GET', '/api/uptime/agencies/mju')).status).toBe(403);
    expect((await op('GET', '/api/slo/systems/registry')).status).toBe(403);
    expect((await op('GET', '/api/scores/agencies/mju')).status).toBe(403);
    expect((await op('GET', '/api/scores/systems/registry')).status).toBe(403);
    expect((await op('GET', `/api/checks/${seed.checkIds.registry}/results`)).status).toBe(403);
    expect((await op('GET', `/api/checks/${seed.checkIds.registry}/latency`)).status).toBe(403);
    // B's incident was left alone.
    const b = await call('admin', 'GET', `/api/incidents/${incidentB}`);
    expect(b.body.state).toBe('open');
    expect(b.body.timeline.filter((e: Json) => e.kind === 'note')).toEqual([]);
  });

  it("filters an agency operator's lists to its agency; other roles see every agency", async () => {
    const systems = async (who: Who) => (await call(who, 'GET', '/api/catalog/systems')).body.map((s: Json) => s.code).sort();
    expect(await systems('operator')).toEqual(['gateway', 'portal']);
    expect(await systems('viewer')).toEqual(['gateway', 'portal', 'registry']);
    const agencies = (await call('operator', 'GET', '/api/catalog/agencies')).body.map((a: Json) => a.code);
    expect(agencies).toEqual(['nit']);
    const checks = (await call('operator', 'GET', '/api/catalog/checks')).body.map((c: Json) => c.system).sort();
    expect(checks).toEqual(['gateway', 'portal']);
    const incidents = (await call('operator', 'GET', '/api/incidents')).body.items.map((i: Json) => i.agency);
    expect(new Set(incidents)).toEqual(new Set(['nit']));
    const allIncidents = (await call('duty', 'GET', '/api/incidents')).body.items.map((i: Json) => i.agency);
    expect(new Set(allIncidents)).toEqual(new Set(['nit', 'mju']));
    const statuses = (await call('operator', 'GET', '/api/status/systems')).body.map((s: Json) => s.agency);
    expect(new Set(statuses)).toEqual(new Set(['nit']));
    const agencyStatuses = (await call('operator', 'GET', '/api/status/agencies')).body.map((s: Json) => s.agency);
    expect(agencyStatuses).toEqual(['nit']);
    const slo = (await call('operator', 'GET', '/api/slo/systems')).body.map((s: Json) => s.code).sort();
    expect(slo.every((c: string) => ['gateway', 'portal'].includes(c))).toBe(true);
  });

  it('records incident actions with the user e-mail as the timeline actor', async () => {
    const detail = (await call('admin', 'GET', `/api/incidents/${ids.incidentA}`)).body;
    const actors = new Set(detail.timeline.filter((e: Json) => e.kind === 'note').map((e: Json) => e.actor));
    expect(actors).toEqual(new Set([email('operator'), email('duty'), email('admin')]));
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
