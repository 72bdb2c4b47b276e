import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { publicOverall, type PublicStatus } from '@kuzet/contracts';
import { DEFAULT_SOFT_HARD_CONFIG } from '@kuzet/detection';
import { login } from '../support/auth-helpers';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { type DemoApp, startDemoApp } from '../support/demo-app';
import { KuzetProcess, REPO_ROOT } from '../support/kuzet-process';

/**
 * The public status page in a real browser (Debian chromium) against the BUILT app in demo mode:
 * server-rendered HTML, /api/public/v1, the /public socket, the CSP and the static assets are all
 * the real ones. Screenshots go to test/artifacts/ (gitignored).
 */
const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const ADMIN = { email: 'duty@kuzet.test', password: 'public-test-password-1' };
const LANGS = ['kk', 'ru', 'en'] as const;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** The budget for the public page's scripts. */
const PUBLIC_JS_BUDGET_GZIP = 150 * 1024;
const DELIVERY_SLACK_MS = 5_000;

/** What these tests read of a catalog system (GET /api/catalog/systems). */
interface CatalogSystem {
  code: string;
  public: boolean;
  tier: string;
  depends_on: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

describe('public status page (browser, built app, demo fleet)', () => {
  let demo: DemoApp;
  let app: KuzetProcess;
  let control: DemoApp['control'];
  let browser: BrowserSession;
  const contexts: BrowserContext[] = [];
  let faulted: string | null = null;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    demo = await startDemoApp(ADMIN);
    ({ app, control } = demo);
    browser = await launchBrowser();
  }, 150_000);

  afterAll(async () => {
    if (faulted) await control('DELETE', `/systems/${faulted}/faults`).catch(() => undefined);
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await demo?.stop();
  }, 60_000);

  const newContext = async (options: BrowserContextOptions = {}) => {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'ru-RU', ...options });
    contexts.push(context);
    return context;
  };

  /** The catalog's public systems (with tier and dependencies, which the public API does not show). */
  const publicSystems = async (): Promise<CatalogSystem[]> => {
    const admin = await login(app.baseUrl, ADMIN.email, ADMIN.password);
    const res = await fetch(`${app.baseUrl}/api/catalog/systems`, { headers: admin.headers });
    return ((await res.json()) as CatalogSystem[]).filter((s) => s.public);
  };

  /** The open incident of a system, as the board's API lists it. */
  const openIncident = async (code: string): Promise<number | undefined> => {
    const admin = await login(app.baseUrl, ADMIN.email, ADMIN.password);
    const res = await fetch(`${app.baseUrl}/api/incidents?system=${code}`, { headers: admin.headers });
    return ((await res.json()) as { items: { id: number; state: string }[] }).items.find((i) => i.state !== 'resolved')?.id;
  };

  /**
   * A real incident on a public system with a duty officer's public update in kk/ru/en: the fault
   * injected in the simulator, the update written through the REST API. The fault is cleared
   * after; the incident stays listed while it recovers.
   */
  const publishedIncident = async (system: { code: string }) => {
    const admin = await login(app.baseUrl, ADMIN.email, ADMIN.password);
    await control('POST', `/systems/${system.code}/faults`, { type: 'down', mode: 'refused' });
    let id: number | undefined;
    for (const until = Date.now() + 90_000; id === undefined && Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
      id = await openIncident(system.code);
    }
    if (id === undefined) throw new Error(`no incident on ${system.code} within 90 s`);
    const res = await fetch(`${app.baseUrl}/api/incidents/${id}/public-updates`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        public_state: 'investigating',
        text: { kk: 'Себебін анықтап жатырмыз.', ru: 'Выясняем причину.', en: 'We are looking into it.' },
      }),
    });
    expect(res.status).toBe(201);
    await control('DELETE', `/systems/${system.code}/faults`);
  };

  const runAxe = async (page: Page): Promise<AxeResult> => {
    await page.addScriptTag({ content: AXE_SOURCE });
    // A string: the test's tsconfig has no DOM types; it runs in the page.
    return (await page.evaluate(
      "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })",
    )) as AxeResult;
  };

  it('shows every public system with its status in words, the incident with its public updates and uptime bars, in kk, ru and en; axe finds no serious or critical violation', async () => {
    // bypassCSP only so axe can be injected; the page itself is the same.
    const context = await newContext({ bypassCSP: true });
    const systems = await publicSystems();
    expect(systems.length).toBeGreaterThan(0);
    // not the live test's target (the first critical system with nothing upstream): its incident
    // would still be recovering when that test injects its fault
    const liveTarget = systems.find((s) => s.tier === 'critical' && s.depends_on.length === 0) ?? systems[0];
    await publishedIncident(systems.filter((s) => s.depends_on.length === 0 && s.code !== liveTarget.code).at(-1) ?? systems[0]);
    for (const lang of LANGS) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${app.baseUrl}/${lang}/status`);
      await page.getByTestId('public-system').first().waitFor({ timeout: 15_000 });
      // The server's HTML and the first client render agree (no hydration mismatch), and nothing threw.
      expect(errors.filter((e) => /hydrat|uncaught|error #/i.test(e))).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const rows = await page.getByTestId('public-system').evaluateAll((els) =>
        els.map((e) => ({ code: e.getAttribute('data-system'), badge: e.querySelector('[data-testid="status-badge"]')?.textContent?.trim() ?? '' })),
      );
      expect(rows.map((r) => r.code).sort()).toEqual(systems.map((s) => s.code).sort());
      for (const r of rows) expect(r.badge.length).toBeGreaterThan(2); // an icon and words, not colour alone
      // The banner claims no more than the list under it (both read at once: a live event may change them).
      const drawn = (await page.evaluate(
        `({ overall: document.querySelector('[data-testid="overall"]').getAttribute('data-status'),
            withoutData: Number(document.querySelector('[data-testid="overall"]').getAttribute('data-without-data')),
            statuses: [...document.querySelectorAll('[data-testid="public-system"]')].map((e) => e.getAttribute('data-status')) })`,
      )) as { overall: string; withoutData: number; statuses: string[] };
      expect(drawn.withoutData).toBe(drawn.statuses.filter((st) => st === 'no_data').length);
      if (drawn.statuses.some((st) => st !== 'operational')) expect(drawn.overall).not.toBe('operational');
      expect(drawn.overall).toBe(publicOverall(drawn.statuses.map((st) => (st === 'no_data' ? null : (st as PublicStatus)))).overall ?? 'no_data');
      const updates = await page.getByTestId('public-update').allTextContents();
      expect(updates.join(' ')).toContain({ kk: 'Себебін анықтап жатырмыз.', ru: 'Выясняем причину.', en: 'We are looking into it.' }[lang]);
      expect(await page.getByTestId('uptime-day').count()).toBe(90 * systems.length);
      // Nothing internal: no way to the board or admin, no storage mode.
      const hrefs = await page.locator('a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
      expect(hrefs.filter((h) => /^\/(board|admin|api)/.test(h))).toEqual([]);
      expect(await page.content()).not.toMatch(/storage|timescale|pglite/i);
      await page.screenshot({ path: join(ARTIFACTS, `public-status-${lang}.png`), fullPage: true });

      const axe = await runAxe(page);
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
      await page.close();
    }
  }, 480_000);

  it('reads the uptime figures of each day on keyboard focus, and groups by life situation', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${app.baseUrl}/en/status`);
    const bar = page.getByTestId('uptime-bar').first();
    await bar.waitFor({ timeout: 15_000 });
    const tip = bar.getByTestId('uptime-tip');
    expect(await tip.isHidden()).toBe(true);
    // One tab stop per bar: the latest day; the arrows walk back through the others.
    await bar.locator('[data-testid="uptime-day"][tabindex="0"]').focus();
    const today = (await tip.textContent()) ?? '';
    expect(today).toMatch(/^\d{1,2} \w+ 20\d\d: /);
    expect(await page.evaluate("document.activeElement.getAttribute('aria-label')")).toContain(today.split(':')[0]);
    for (let i = 0; i < 29; i++) await page.keyboard.press('ArrowLeft');
    // 29 days back: another day, read out the same way (a fresh demo has not monitored it)
    const earlier = (await tip.textContent()) ?? '';
    expect(earlier).toMatch(/^\d{1,2} \w+ 20\d\d: /);
    expect(earlier).not.toBe(today);
    expect(await page.evaluate("document.activeElement.getAttribute('aria-label')")).toContain(earlier.split(':')[0]);

    await page.getByRole('link', { name: 'By life situation' }).click();
    await page.waitForURL(/group=category/);
    await page.getByTestId('system-group').first().waitFor();
    expect(await page.getByRole('link', { name: 'By life situation' }).getAttribute('aria-current')).toBe('page');
  }, 60_000);

  it('reads without JavaScript: the server renders the page in the language of the URL, cookie or Accept-Language', async () => {
    // The locale is what chromium sends as Accept-Language.
    const noJs = await newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await noJs.newPage();
    await page.goto(`${app.baseUrl}/kk/status`);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    expect(await page.locator('h1').textContent()).toBe('Мемлекеттік цифрлық жүйелердің күйі');
    expect(await page.locator('nav.langs a').allTextContents()).toEqual(['Қазақша', 'Русский', 'English']);
    // The statuses are in the server's HTML (no script ran).
    expect(await page.getByTestId('public-system').count()).toBeGreaterThan(0);

    await page.goto(`${app.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await noJs.addCookies([{ name: 'kuzet_lang', value: 'ru', url: app.baseUrl }]);
    await page.goto(`${app.baseUrl}/status`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.screenshot({ path: join(ARTIFACTS, 'public-status-no-js.png'), fullPage: true });
  }, 120_000);

  it('subscribes by e-mail from a system page with scripts off: the form is preset to the system and answers in the page language', async () => {
    const noJs = await newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${app.baseUrl}/ru/status`);
    const firstSystem = page.getByTestId('public-system').first().locator('a').first();
    await firstSystem.click();
    await page.getByTestId('subscribe-link').click();
    expect(new URL(page.url()).pathname).toBe('/ru/status/subscribe');
    const preset = await page.locator('#subscribe-scope').inputValue();
    expect(preset).toMatch(/^system:/);
    expect(new URL(page.url()).searchParams.get('system')).toBe(preset.slice('system:'.length));
    await page.getByLabel('Адрес e-mail').fill('citizen@mail.kz');
    await page.getByRole('button', { name: 'Подписаться' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('main p').first().textContent()).toContain('Почти готово');
    await page.screenshot({ path: join(ARTIFACTS, 'public-subscribe-sent-ru.png'), fullPage: true });

    // The form itself, hydrated, passes axe like the other pages.
    const live = await (await newContext({ bypassCSP: true })).newPage();
    await live.goto(`${app.baseUrl}/kk/status/subscribe`);
    await live.getByTestId('subscribe').waitFor();
    const axe = await runAxe(live);
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }, 60_000);

  it('loads only the public scripts (no board, admin or charts), within 150 KB gzipped, from hashed immutable files', async () => {
    const page = await (await newContext()).newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${app.baseUrl}/ru/status`);
    await page.getByTestId('public-system').first().waitFor({ timeout: 15_000 });
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /BoardApp|AdminApp|LatencyChart|recharts/i.test(s))).toEqual([]);
    let gzipped = 0;
    for (const url of scripts) {
      const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      gzipped += Number(res.headers.get('content-length'));
    }
    console.log(JSON.stringify({ event: 'public.js', scripts: scripts.length, gzip_bytes: gzipped }));
    expect(gzipped).toBeLessThan(PUBLIC_JS_BUDGET_GZIP);
    const html = await fetch(`${app.baseUrl}/ru/status`);
    expect(html.headers.get('cache-control')).toBe('no-cache');
  }, 120_000);

  it('a fault injected into a public simulator system appears on the open page without a reload, within the detection delay + 5 s; a public update typed on the board follows in the page\'s language', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const publicEvents: string[] = [];
    const responses: string[] = [];
    page.on('response', (r) => r.url().includes('/api/public/') && responses.push(`${new Date().toISOString().slice(11, 23)} ${r.status()} ${r.url().slice(-40)}`));
    page.on('requestfailed', (r) => responses.push(`${new Date().toISOString().slice(11, 23)} FAILED ${r.url().slice(-40)} ${r.failure()?.errorText}`));
    page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && publicEvents.push(f.payload)));
    const systems = await publicSystems();
    const target = systems.find((s) => s.tier === 'critical' && s.depends_on.length === 0) ?? systems[0];
    const checksRes = await fetch(`${app.baseUrl}/api/catalog/checks?system=${target.code}`, { headers: { cookie: (await login(app.baseUrl, ADMIN.email, ADMIN.password)).cookie } });
    const checks = (await checksRes.json()) as { interval_s: number; timeout_s: number; thresholds: { failures?: number; successes?: number } }[];
    const runsMs = (runs: (c: (typeof checks)[number]) => number) => Math.max(...checks.map((c) => (runs(c) * c.interval_s + c.timeout_s) * 1000));
    const detectionMs = runsMs((c) => c.thresholds.failures ?? DEFAULT_SOFT_HARD_CONFIG.failureThreshold);
    const settleMs = runsMs((c) => c.thresholds.successes ?? DEFAULT_SOFT_HARD_CONFIG.successThreshold) + DELIVERY_SLACK_MS;

    const row = page.locator(`[data-testid="public-system"][data-system="${target.code}"]`);
    await page.goto(`${app.baseUrl}/en/status`);
    await row.waitFor({ timeout: 15_000 });
    // Start from a known state: operational (a fresh demo has no data yet).
    await page
      .locator(`[data-testid="public-system"][data-system="${target.code}"][data-status="operational"]`)
      .waitFor({ timeout: settleMs + 30_000 })
      .catch(async (error: unknown) => {
        const api = (await (await fetch(`${app.baseUrl}/api/public/v1/systems/${target.code}`)).json()) as unknown;
        console.log(JSON.stringify({ event: 'public.status.not_operational', page: await row.getAttribute('data-status'), api }));
        throw error;
      });
    await page.evaluate('window.__kuzetMark = 42');

    const injectedAt = Date.now();
    faulted = target.code;
    await control('POST', `/systems/${target.code}/faults`, { type: 'down', mode: 'refused' });
    const deadlineMs = detectionMs + DELIVERY_SLACK_MS;
    await page.locator(`[data-testid="public-system"][data-system="${target.code}"][data-status="major_outage"]`).waitFor({ timeout: deadlineMs });
    expect(Date.now() - injectedAt).toBeLessThanOrEqual(deadlineMs);
    expect(await row.getByTestId('status-badge').textContent()).toContain('Major outage');
    expect(await page.evaluate('window.__kuzetMark ?? null')).toBe(42);
    // It came through the /public socket (a system.status event for it), not a reload or the 30 s poll alone.
    expect(publicEvents.some((p) => p.includes('"system.status"') && p.includes(`"${target.code}"`))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'public-status-live-fault.png'), fullPage: true });

    // A duty officer publishes an update on the board (the incident panel's form, in the board's own
    // browser context); the open English page shows its English text, still without a reload.
    const id = await openIncident(target.code);
    expect(id).toBeDefined();
    const board = await (await newContext({ locale: 'en-US' })).newPage();
    await board.goto(`${app.baseUrl}/board`);
    await board.getByTestId('login-email').fill(ADMIN.email);
    await board.getByTestId('login-password').fill(ADMIN.password);
    await board.getByTestId('login-submit').click();
    await board.getByTestId('login-form').waitFor({ state: 'detached' });
    await board.goto(`${app.baseUrl}/board?incident=${id}`);
    const form = board.getByTestId('public-update-form');
    await form.locator('select[name="public_state"]').selectOption('identified');
    const text = { kk: 'Желілік қосқыш істен шықты.', ru: 'Отказал сетевой коммутатор.', en: 'A network switch failed.' };
    for (const l of LANGS) await form.locator(`textarea[name="text_${l}"]`).fill(text[l]);
    const publishedAt = Date.now();
    await form.getByRole('button').click();
    const shown = page.locator(`[data-testid="public-update"]`, { hasText: text.en });
    await shown.first().waitFor({ timeout: DELIVERY_SLACK_MS + 5_000 }).catch(async (e: unknown) => {
      console.log(JSON.stringify({ event: 'public.update.missed', responses, frames: publicEvents.slice(-8), failed: await page.getByTestId('public-live').getAttribute('data-failed') }));
      throw e;
    });
    expect(await page.locator('[data-testid="public-update"]', { hasText: text.ru }).count()).toBe(0);
    expect(await page.evaluate('window.__kuzetMark ?? null')).toBe(42);
    console.log(JSON.stringify({ event: 'public.update.live', ms: Date.now() - publishedAt }));
    await page.screenshot({ path: join(ARTIFACTS, 'public-status-live-update.png'), fullPage: true });
  }, 240_000);
});
