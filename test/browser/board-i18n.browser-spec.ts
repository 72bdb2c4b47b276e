import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_SOFT_HARD_CONFIG } from '@kuzet/detection';
import { login } from '../support/auth-helpers';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { type DemoApp, type DemoCheckRow, type DemoSystemRow, startDemoApp } from '../support/demo-app';
import { KuzetProcess, REPO_ROOT } from '../support/kuzet-process';

/**
 * The board in every language and its alarm on a wall, in a real chromium against the BUILT app
 * in demo mode (the simulated fleet and its control API for faults):
 * - the alarm: a board opened on a saved session (no gesture) in a chromium that requires a
 *   gesture for audio shows "enable sound"; its click starts the audio graph (read from the alarm's
 *   window.__kuzetAlarm data), the visual alarm stays until the incident is acknowledged;
 * - every word translated: overview, a system page and an incident panel (timeline with an
 *   acknowledgement and a public update) in kk, ru and en, with no key missing from the tables
 *   (i18next's missingKeyHandler, collected on window), no key pattern and no raw code shown;
 * - the noise: a signed-out load logs no console error, a start logs no route-mapping line at info.
 */
const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const DUTY = { email: 'duty@kuzet.test', password: 'board-i18n-password-1' };
const DELIVERY_SLACK_MS = 2_000;
const LANGS = ['kk', 'ru', 'en'] as const;

/** Message keys as the tables name them (st.operational, inc.open, ev.public_update …). */
const KEY_PATTERN = /\b(st|inc|sev|pub|kind|phase|tier|conn|out|ntf|chan|err|ev|actor|region|checkKind|dur|lang|role|grade|comp|audit)\.[a-z0-9_]+\b/;
/** Snake-case identifiers (state_changed, public_update, major_outage): never words. */
const RAW_IDENTIFIER = /\b[a-z]+_[a-z_]+\b/;
/** Latin words that are the same in every language: protocol and severity names, units. */
const LATIN_ALLOWED = /^(SEV[1-4]|HTTP|HTTPS|TLS|DNS|TCP|p50|p95|Telegram|ms|Kuzet)$/;

const wordsOf = (text: string) => text.replace(/\S+@\S+/g, ' ').match(/[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g) ?? [];

describe('board i18n and alarm (browser, built app, demo fleet)', () => {
  let demo: DemoApp;
  let app: KuzetProcess;
  let control: DemoApp['control'];
  let browser: BrowserSession;
  let noAutoplay: BrowserSession;
  const contexts: BrowserContext[] = [];
  let systems: DemoSystemRow[] = [];
  let target: DemoSystemRow | undefined;
  let incidentId: string | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // info: the route-mapping lines would show here if they were still logged at info.
    demo = await startDemoApp(DUTY, { KUZET_LOG_LEVEL: 'info' });
    ({ app, control } = demo);
    systems = (await (await fetch(`${app.baseUrl}/api/catalog/systems`, { headers: await sessionHeaders() })).json()) as DemoSystemRow[];
    browser = await launchBrowser();
    // Desktop Chrome's own policy, made explicit: Web Audio waits for a user activation of the
    // document. (`user-gesture-required` is not it: under that policy chromium 156 lets an
    // AudioContext run without any gesture, so the test could not see the sound blocked.)
    noAutoplay = await launchBrowser({ extraArgs: ['--autoplay-policy=document-user-activation-required'] });
  }, 150_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await noAutoplay?.close();
    if (target) await control('DELETE', `/systems/${target.code}/faults`).catch(() => undefined);
    await demo?.stop();
  }, 60_000);

  /** A cookie and CSRF token of a fresh API sign-in. */
  const sessionHeaders = async (): Promise<Record<string, string>> => (await login(app.baseUrl, DUTY.email, DUTY.password)).headers;

  /**
   * A page whose context already holds a session (signed in over the API). With `noGesture`, the
   * page is watched only through a CDP session's Runtime.evaluate, which (unlike Playwright's
   * locators and page.evaluate, which evaluate as a user gesture) gives the page no user activation.
   */
  async function savedSessionPage(session: BrowserSession, viewport = { width: 1440, height: 1000 }, noGesture = false) {
    const context = await session.newContext({ viewport });
    contexts.push(context);
    const login = await context.request.post(`${app.baseUrl}/api/auth/login`, { data: DUTY });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const peek = async <T>(expression: string): Promise<T> =>
      ((await cdp.send('Runtime.evaluate', { expression, returnByValue: true, userGesture: false })) as { result: { value: T } }).result.value;
    const until = async (expression: string, timeoutMs: number) => {
      const by = Date.now() + timeoutMs;
      while (!(await peek<boolean>(expression))) {
        if (Date.now() > by) throw new Error(`not within ${timeoutMs} ms: ${expression}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await page.goto(`${app.baseUrl}/board`);
    if (noGesture) await until(`!!document.querySelector('[data-testid="connection-state"][data-state="connected"]')`, 30_000);
    else await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 30_000 });
    return { page, peek, until };
  }

  /** Catalog deadlines: `runs` consecutive results of the slowest check, each up to an interval late. */
  async function deadlines(code: string) {
    const checks = (await (await fetch(`${app.baseUrl}/api/catalog/checks?system=${code}`, { headers: await sessionHeaders() })).json()) as DemoCheckRow[];
    const runsMs = (runs: (c: DemoCheckRow) => number) => Math.max(...checks.map((c) => (runs(c) * c.interval_s + c.timeout_s) * 1000));
    return {
      detectionMs: runsMs((c) => c.thresholds.failures ?? DEFAULT_SOFT_HARD_CONFIG.failureThreshold) + DELIVERY_SLACK_MS,
      settleMs: runsMs((c) => c.thresholds.successes ?? DEFAULT_SOFT_HARD_CONFIG.successThreshold) + DELIVERY_SLACK_MS,
    };
  }

  it('a signed-out load logs no console error (the session probe answers 200), and no route-mapping line is logged at info', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${app.baseUrl}/board`);
    await page.getByTestId('login-form').waitFor();
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByTestId('login-form').waitFor();
    expect(errors).toEqual([]);

    // The /admin sign-in names the admin page, in each language.
    const titles: Record<string, string> = {};
    for (const lang of LANGS) {
      await page.locator(`[data-testid="language-switch"] [data-lang="${lang}"]`).click();
      titles[lang] = (await page.getByTestId('login-title').textContent()) ?? '';
    }
    expect(titles).toEqual({ kk: 'Әкімшілік бетке кіру', ru: 'Вход в администрирование', en: 'Sign in to administration' });

    const infoLines = app
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes('"level":30'));
    expect(infoLines.length).toBeGreaterThan(0);
    expect(infoLines.filter((l) => l.includes('Mapped {'))).toEqual([]);
  }, 60_000);

  it('sound blocked on a saved session: "enable sound" shows, its click starts the audio graph, the visual alarm stays until acknowledged', async () => {
    const { page, peek, until } = await savedSessionPage(noAutoplay, { width: 1920, height: 1080 }, true);
    // A critical system with nothing upstream and something downstream: its incident is a root, sev1 when down.
    target =
      systems.find((s) => s.tier === 'critical' && s.depends_on.length === 0 && systems.some((d) => d.depends_on.includes(s.code))) ??
      systems.find((s) => s.tier === 'critical' && s.depends_on.length === 0)!;
    const { detectionMs, settleMs } = await deadlines(target.code);
    const settleBy = Date.now() + settleMs;
    for (;;) {
      const statuses = (await (await page.request.get(`${app.baseUrl}/api/status/systems`)).json()) as { system: string; status: string | null }[];
      if (statuses.find((s) => s.system === target!.code)?.status === 'operational') break;
      if (Date.now() > settleBy) throw new Error(`${target.code} not operational within ${settleMs} ms`);
      await new Promise((r) => setTimeout(r, 500));
    }

    await control('POST', `/systems/${target.code}/faults`, { type: 'down', mode: 'refused' });
    const rowSelector = `[data-testid="incident-row"][data-system="${target.code}"][data-severity="sev1"]`;
    await until(`!!document.querySelector('${rowSelector}')`, 4 * detectionMs);
    incidentId = await peek<string>(`document.querySelector('${rowSelector}').getAttribute('data-incident-id')`);
    await until(`!!document.querySelector('[data-testid="alarm-banner"]')`, DELIVERY_SLACK_MS * 5);

    // No gesture yet: the browser keeps the audio suspended, nothing played, the control shows.
    await until(`!!document.querySelector('[data-testid="enable-sound"]')`, DELIVERY_SLACK_MS);
    const before = await peek<{ contextState: string; oscillatorsStarted: number; sound: string }>('window.__kuzetAlarm');
    expect(before).toMatchObject({ contextState: 'suspended', oscillatorsStarted: 0, sound: 'blocked' });
    await page.screenshot({ path: join(ARTIFACTS, 'board-sound-blocked.png') });

    await page.getByTestId('enable-sound').click();
    let after = before;
    for (let i = 0; i < 50 && !(after.contextState === 'running' && after.oscillatorsStarted > 0); i++) {
      await page.waitForTimeout(100);
      after = await peek<typeof before>('window.__kuzetAlarm');
    }
    // The owed beep played on the running context: three oscillator pulses.
    expect(after).toMatchObject({ contextState: 'running', sound: 'running' });
    expect(after.oscillatorsStarted).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('enable-sound').count()).toBe(0);
    await expect(page.evaluate("localStorage.getItem('kuzet.muted')")).resolves.toBe('0');
    // The click enabled the sound; it did not end the visual alarm.
    await page.waitForTimeout(1_000);
    expect(await page.getByTestId('alarm-banner').count()).toBe(1);

    // Acknowledging the incident ends it (the row's button; it may move while the cause fills in).
    const acked = page.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"][data-state="acknowledged"]`);
    for (let attempt = 0; attempt < 5 && (await acked.count()) === 0; attempt++) {
      await page.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`).getByTestId('ack-button').click().catch(() => undefined);
      await acked.waitFor({ timeout: DELIVERY_SLACK_MS }).catch(() => undefined);
    }
    await acked.waitFor({ timeout: DELIVERY_SLACK_MS * 5 });
    await page.getByTestId('alarm-banner').waitFor({ state: 'detached', timeout: DELIVERY_SLACK_MS * 5 });
  }, 300_000);

  it('kk, ru and en: overview, system page and incident panel (timeline with ack and public update) show no missing key, key pattern or raw code', async () => {
    expect(incidentId).toBeDefined();
    const headers = await sessionHeaders();
    const post = (path: string, body?: unknown) =>
      fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    // Acknowledged in the alarm test; over the API if that test stopped early.
    const incident = (await (await fetch(`${app.baseUrl}/api/incidents/${incidentId}`, { headers })).json()) as { state: string };
    if (incident.state === 'open') expect((await post(`/api/incidents/${incidentId}/ack`)).status).toBe(200);
    const published = await post(`/api/incidents/${incidentId}/public-updates`, {
      public_state: 'identified',
      text: { kk: 'Себебі анықталды, жөндеу жүріп жатыр', ru: 'Причина найдена, идёт восстановление', en: 'Cause found, fixing' },
    });
    expect(published.status).toBe(201);
    expect((await post(`/api/incidents/${incidentId}/notes`, { text: 'проверяем шлюз' })).status).toBe(201);
    const agencies = (await (await fetch(`${app.baseUrl}/api/catalog/agencies`, { headers })).json()) as { code: string; name: Record<string, string> }[];
    const catalogSystem = (await (await fetch(`${app.baseUrl}/api/catalog/systems/${target!.code}`, { headers })).json()) as { name: Record<string, string> };

    const { page } = await savedSessionPage(browser);
    const missing = async () => (await page.evaluate('[...(window.__kuzetI18nMissing ?? [])]')) as string[];
    const visible = async () => (await page.evaluate('document.body.innerText')) as string;
    const codes = new Set([target!.code, target!.agency]);
    for (const lang of LANGS) {
      await page.goto(`${app.baseUrl}/board`);
      await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 30_000 });
      await page.locator(`[data-testid="language-switch"] [data-lang="${lang}"]`).click();
      await page.getByTestId('system-tile').first().waitFor();
      await page.getByTestId('incident-row').first().waitFor();
      const overview = await visible();
      expect({ lang, page: 'overview', key: KEY_PATTERN.exec(overview)?.[0] ?? null }).toEqual({ lang, page: 'overview', key: null });
      await page.screenshot({ path: join(ARTIFACTS, `board-i18n-overview-${lang}.png`) });

      // The incident panel: catalog names for the system and the agency, every timeline entry in words.
      await page.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`).getByTestId('incident-details').click();
      const panel = page.getByTestId('incident-panel');
      await panel.locator('[data-testid="incident-timeline"] li[data-kind="public_update"]').waitFor();
      await panel.locator('[data-testid="incident-timeline"] li[data-kind="acknowledged"]').waitFor();
      await panel.getByTestId('published-update').first().waitFor();
      await expect(panel.getByTestId('panel-system').textContent()).resolves.toBe(catalogSystem.name[lang]);
      await expect(panel.getByTestId('panel-agency').textContent()).resolves.toBe(agencies.find((a) => a.code === target!.agency)!.name[lang]);
      const panelText = (await panel.innerText()).replace(/\s+/g, ' ');
      const timeline = await panel.locator('[data-testid="incident-timeline"] li').evaluateAll((els) =>
        els.map((li) => [...li.childNodes].filter((n) => !(n as unknown as { classList?: { contains: (name: string) => boolean } }).classList?.contains('note-text')).map((n) => n.textContent).join('')),
      );
      expect(timeline.length).toBeGreaterThanOrEqual(3);
      const found = {
        key: KEY_PATTERN.exec(panelText)?.[0] ?? null,
        rawInTimeline: timeline.map((l) => RAW_IDENTIFIER.exec(l)?.[0]).filter(Boolean),
        codes: panelText.split(/[^a-z0-9-]+/).filter((w) => codes.has(w)),
      };
      expect({ lang, ...found }).toEqual({ lang, key: null, rawInTimeline: [], codes: [] });
      if (lang !== 'en') {
        // No English leftover in the words the board writes: the timeline's kinds and actors, the
        // facts, the cause (catalog names and user texts excluded).
        const ours = await panel
          .locator('.kv dt, [data-testid="panel-state"], [data-testid="panel-cause"], [data-testid="incident-timeline"] li > strong, [data-testid="incident-timeline"] .actor, [data-testid="published-updates"] h3, [data-testid="published-updates"] strong, [data-testid="published-updates"] dt')
          .allInnerTexts();
        const english = wordsOf(ours.join(' ')).filter((w) => !LATIN_ALLOWED.test(w));
        expect({ lang, english }).toEqual({ lang, english: [] });
      }
      await page.screenshot({ path: join(ARTIFACTS, `board-i18n-panel-${lang}.png`) });
      await page.keyboard.press('Escape');

      // The system page: chart legends, recent results' regions, check sections.
      await page.evaluate(`history.pushState(null, '', '/board/systems/${target!.code}'); dispatchEvent(new PopStateEvent('popstate'))`);
      await page.locator(`[data-testid="system-page"][data-system="${target!.code}"]`).waitFor();
      await page.locator('[data-testid="check-section"] table tbody tr').first().waitFor({ timeout: 30_000 });
      const systemPage = await visible();
      expect({ lang, page: 'system', key: KEY_PATTERN.exec(systemPage)?.[0] ?? null }).toEqual({ lang, page: 'system', key: null });
      if (lang !== 'en') expect({ lang, legend: /\blocal p50\b/.test(systemPage) }).toEqual({ lang, legend: false });
      await page.screenshot({ path: join(ARTIFACTS, `board-i18n-system-${lang}.png`), fullPage: true });
      // Every key asked for since this load (overview, panel, system page) was in the tables.
      expect({ lang, missing: await missing() }).toEqual({ lang, missing: [] });
    }
  }, 180_000);
});
