import { SloService } from '../../../apps/api/src/uptime/slo.service';
import { seedCatalog } from '../incidents/support/incidents-test-app';
import { AuthTestApp, startAuthTestApp } from '../auth/support/auth-test-app';

const TOKEN = 'scrape-token-0123456789abcdef';

/**
 * gateway (agency nit) and registry (agency mju) are not public, portal (nit) is. The SLO gauge
 * names agencies by default, systems with KUZET_METRICS_PER_SYSTEM.
 */
async function startWithCatalog(settings: Record<string, string> = {}): Promise<AuthTestApp> {
  const t = await startAuthTestApp(settings, async (ds) => {
    await seedCatalog(ds);
    await ds.query(`UPDATE systems SET is_public = (code = 'portal')`);
  });
  await t.app.get(SloService).list();
  return t;
}

/** A kuzet_slo_burn_rate sample carrying this label pair. */
const burn = (label: string) => new RegExp(`^kuzet_slo_burn_rate\\{[^}]*${label}[,}]`, 'm');

const scrape = async (t: AuthTestApp, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
  return { status: res.statusCode, body: res.body, headers: res.headers };
};

describe('/metrics without KUZET_METRICS_TOKEN (open; whole app, real PostgreSQL)', () => {
  let t: AuthTestApp;
  beforeAll(async () => (t = await startWithCatalog()));
  afterAll(async () => t?.close());

  it('answers anyone, naming public systems only', async () => {
    const res = await scrape(t);
    expect(res.status).toBe(200);
    expect(res.body).toMatch(burn('agency="nit"'));
    // mju has no public system: its worst burn rate would tell about a non-public one.
    expect(res.body).not.toMatch(burn('agency="mju"'));
    expect(res.body).not.toMatch(/gateway|registry|system="/);
    // The rest of the scrape is still there.
    expect(res.body).toContain('kuzet_process_cpu_user_seconds_total');
  });
});

describe('/metrics with KUZET_METRICS_TOKEN', () => {
  let t: AuthTestApp;
  beforeAll(async () => (t = await startWithCatalog({ KUZET_METRICS_TOKEN: TOKEN })));
  afterAll(async () => t?.close());

  it.each([
    ['no Authorization', {}],
    ['a wrong token', { authorization: 'Bearer scrape-token-0123456789abcdeX' }],
    ['a shorter token', { authorization: 'Bearer scrape' }],
    ['another scheme', { authorization: `Basic ${TOKEN}` }],
    ['a session-style header only', { 'x-metrics-token': TOKEN }],
  ])('answers 401 to %s, naming no system', async (_name, headers) => {
    const res = await scrape(t, headers);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="kuzet-metrics"');
    expect(res.body).not.toMatch(/kuzet_|gateway|portal/);
  });

  it('answers the right bearer token with every agency, and no per-system series', async () => {
    const res = await scrape(t, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    for (const agency of ['nit', 'mju']) expect(res.body).toMatch(burn(`agency="${agency}"`));
    expect(res.body).not.toMatch(/system="/);
  });
});

describe('/metrics with KUZET_METRICS_PER_SYSTEM', () => {
  let t: AuthTestApp;
  beforeAll(async () => (t = await startWithCatalog({ KUZET_METRICS_TOKEN: TOKEN, KUZET_METRICS_PER_SYSTEM: 'true' })));
  afterAll(async () => t?.close());

  it('names every system to the token holder', async () => {
    const res = await scrape(t, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    for (const code of ['gateway', 'portal', 'registry']) expect(res.body).toMatch(burn(`system="${code}"`));
  });
});

describe('/metrics with KUZET_METRICS_PER_SYSTEM, no token', () => {
  let t: AuthTestApp;
  beforeAll(async () => (t = await startWithCatalog({ KUZET_METRICS_PER_SYSTEM: 'true' })));
  afterAll(async () => t?.close());

  it('names public systems only', async () => {
    const res = await scrape(t);
    expect(res.body).toMatch(burn('system="portal"'));
    expect(res.body).not.toMatch(/gateway|registry|agency="mju"/);
  });
});
