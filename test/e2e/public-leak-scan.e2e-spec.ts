import { PUBLIC_LANGUAGES } from '@kuzet/contracts';
import { login, SignedIn } from '../support/auth-helpers';
import { SCENARIO_ADMIN, ScenarioEnv } from '../scenarios/support/scenario-env';

const PUBLIC_SYSTEM = 'gov-kz';
const HIDDEN_SYSTEM = 'gbd-rn';
const NOTE = 'LEAKNOTE restarted the pod behind the balancer';
const HIDDEN_UPDATE = 'LEAKHIDDEN update of a system citizens must not see';
const UPDATE = { kk: 'Біз ақауды тексеріп жатырмыз', ru: 'Мы разбираемся со сбоем', en: 'We are looking into the outage' };
const ERROR_TEXTS = ['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'ECONNRESET', 'socket hang up', 'refused', 'error_class', 'failure_kind'];
const IP_ADDRESS = /\b(?:\d{1,3}\.){3}\d{1,3}\b|\[?::1\]?|\bfe80:|\blocalhost\b/i;

/**
 * Crawls every public route, feed, badge and open-data document in every language while a
 * public and a non-public system are down, with an internal note and public updates written
 * through the board's REST API, and fails on anything internal in any answer: check targets
 * (host names, ports), IP addresses, error texts, the note, severities, the officer's e-mail,
 * and the non-public system (code and names).
 */
describe('public leak scan (built app, simulator: one public and one non-public system down)', () => {
  const env = new ScenarioEnv({ KUZET_PUBLIC_URL: 'https://status.example.kz', KUZET_INCIDENT_COOLDOWN_S: '600' });
  let admin: SignedIn;

  beforeAll(async () => {
    await env.startSimulator([PUBLIC_SYSTEM, HIDDEN_SYSTEM], 1);
    env.patchSystem(PUBLIC_SYSTEM, (s) => (s.public = true));
    env.patchSystem(HIDDEN_SYSTEM, (s) => (s.public = false));
    await env.startApp();
    admin = await login(env.baseUrl, SCENARIO_ADMIN.email, SCENARIO_ADMIN.password);
    await env.waitForStatus([PUBLIC_SYSTEM, HIDDEN_SYSTEM], 'operational', 60_000);
  }, 150_000);

  afterAll(async () => {
    await env.close();
  }, 60_000);

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${env.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
  };

  it('no public answer carries a target, address, port, error text, note, severity, e-mail or non-public system', async () => {
    for (const code of [PUBLIC_SYSTEM, HIDDEN_SYSTEM]) await env.sim!.injectFault(code, { type: 'down', mode: 'refused' });
    const open = await env.waitFor('both incidents open', 60_000, async () => {
      const list = (await env.incidents()).filter((i) => i.state !== 'resolved');
      const pub = list.find((i) => i.system === PUBLIC_SYSTEM);
      const hidden = list.find((i) => i.system === HIDDEN_SYSTEM);
      return pub && hidden ? { pub, hidden } : undefined;
    });
    for (const i of [open.pub, open.hidden]) {
      await post(`/api/incidents/${i.id}/notes`, { text: NOTE });
      await post(`/api/incidents/${i.id}/public-updates`, {
        public_state: 'identified',
        text: i === open.pub ? UPDATE : { kk: HIDDEN_UPDATE, ru: HIDDEN_UPDATE, en: HIDDEN_UPDATE },
      });
    }

    const base = '/api/public/v1';
    const paths = [
      `${base}/status`,
      `${base}/systems`,
      `${base}/systems/${PUBLIC_SYSTEM}`,
      `${base}/systems/${PUBLIC_SYSTEM}/uptime?days=90`,
      `${base}/incidents`,
      `${base}/incidents/${open.pub.id}`,
      `${base}/open-data/availability.csv`,
      `${base}/open-data/availability.json`,
      `${base}/open-data/schema.json`,
      // The public pages (server-rendered when issue 12's web part is in; the shell before).
      '/',
      '/status',
    ];
    for (const lang of PUBLIC_LANGUAGES) {
      paths.push(`/${lang}/`, `${base}/feed.rss?lang=${lang}`, `${base}/feed.atom?lang=${lang}`);
      paths.push(
        `/${lang}/status/systems/${PUBLIC_SYSTEM}`,
        `/${lang}/status/incidents/${open.pub.id}`,
        `/${lang}/status/history`,
        `/${lang}/status/subscribe?system=${PUBLIC_SYSTEM}`,
      );
      for (const doc of ['feed.rss', 'feed.atom', 'badge.svg', 'uptime-badge.svg'])
        paths.push(`${base}/systems/${PUBLIC_SYSTEM}/${doc}?lang=${lang}`);
    }

    const forbidden: [string, string | RegExp][] = [
      ['note', NOTE],
      ['note', 'LEAKNOTE'],
      ['non-public update', 'LEAKHIDDEN'],
      ['non-public system', HIDDEN_SYSTEM],
      ['officer e-mail', SCENARIO_ADMIN.email],
      ['severity', /\bsev[1-4]\b/],
      ['severity', 'severity'],
      ['ip address', IP_ADDRESS],
      ...ERROR_TEXTS.map((t): [string, string] => ['error text', t]),
    ];
    for (const s of env.sim!.systems) {
      forbidden.push(['target host', s.hostname]);
      for (const port of Object.values(s.ports)) forbidden.push(['target port', new RegExp(`:${port}\\b`)]);
      if (s.code === HIDDEN_SYSTEM) for (const name of Object.values(s.name)) forbidden.push(['non-public name', name]);
    }
    forbidden.push(['app port', `:${env.port}`]);

    const leaks: string[] = [];
    let crawled = 0;
    for (const path of paths) {
      const res = await fetch(`${env.baseUrl}${path}`);
      expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
      const body = await res.text();
      crawled += body.length;
      for (const [what, pattern] of forbidden) {
        const at = typeof pattern === 'string' ? body.indexOf(pattern) : body.search(pattern);
        if (at >= 0) leaks.push(`${path}: ${what} (${String(pattern)}) in …${body.slice(Math.max(0, at - 60), at + 60)}…`);
      }
    }
    expect(leaks).toEqual([]);

    // The scan saw the incident: the public update is there in each language, the incident listed.
    const status = (await (await fetch(`${env.baseUrl}${base}/status`)).json()) as { active_incidents: { system: string }[] };
    expect(status.active_incidents.map((i) => i.system)).toEqual([PUBLIC_SYSTEM]);
    for (const lang of PUBLIC_LANGUAGES) {
      const feed = await (await fetch(`${env.baseUrl}${base}/feed.atom?lang=${lang}`)).text();
      expect(feed).toContain(UPDATE[lang]);
    }
    expect(crawled).toBeGreaterThan(10_000);
    // Badges can be embedded by other sites (helmet's same-origin resource policy is lifted here).
    const badge = await fetch(`${env.baseUrl}${base}/systems/${PUBLIC_SYSTEM}/badge.svg`);
    expect(badge.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(badge.headers.get('access-control-allow-origin')).toBe('*');
    // A non-public system is not even confirmed to exist.
    for (const path of [`/systems/${HIDDEN_SYSTEM}`, `/systems/${HIDDEN_SYSTEM}/feed.rss`, `/systems/${HIDDEN_SYSTEM}/badge.svg`, `/incidents/${open.hidden.id}`])
      expect({ path, status: (await fetch(`${env.baseUrl}${base}${path}`)).status }).toEqual({ path, status: 404 });
  });
});
