import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_SOFT_HARD_CONFIG } from '@kuzet/detection';
import { login, type SignedIn } from '../support/auth-helpers';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { freePort } from '../support/free-port';
import { KuzetProcess, REPO_ROOT, startKuzet, waitForOk } from '../support/kuzet-process';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * The board per role, and the board across a real restart of the app, in chromium against the
 * BUILT app in demo mode (one app for the file: a start costs ~20 s). Users are made through the
 * users API by the admin of KUZET_ADMIN_EMAIL. The browsers reach the app through a loopback TCP
 * proxy, so the reconnect test can keep a page disconnected while the app restarts and changes.
 */
const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const ADMIN = { email: 'admin@roles.kuzet.test', password: 'roles-test-password-1' };
const PASSWORD = 'roles-test-password-2';
/** Slack on top of the detection delay: result ingest, detector, outbox, socket fan-out. */
const DELIVERY_SLACK_MS = 2_000;

interface SystemRow {
  code: string;
  agency: string;
  tier: string;
  depends_on: string[];
}
interface CheckRow {
  interval_s: number;
  timeout_s: number;
  thresholds: { failures?: number; successes?: number };
}
interface IncidentItem {
  id: number;
  system: string;
  agency: string;
  state: string;
}

const markPage = (page: Page) => page.evaluate('window.__kuzetMark = 42');
const pageMark = (page: Page) => page.evaluate('window.__kuzetMark ?? null');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(500);
  }
}

describe('board roles and reconnect (browser, built app, demo fleet)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-browser-roles-'));
  let env: Record<string, string>;
  let port: number;
  let app: KuzetProcess;
  let proxy: TcpProxy;
  let boardUrl: string;
  let browser: BrowserSession;
  const contexts: BrowserContext[] = [];
  let admin: SignedIn;
  let systems: SystemRow[];
  const faulted = new Set<string>();
  /** Systems a test has faulted: the next test picks another (their incidents may still be open). */
  const used = new Set<string>();

  const controlUrl = () => `http://127.0.0.1:${env.KUZET_SIMULATOR_CONTROL_PORT}`;
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${controlUrl()}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status} ${await res.text()}`);
  };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { ...admin.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const boot = async () => {
    app = startKuzet(env, port);
    await waitForOk(`${app.baseUrl}/api/health`, 90_000, app);
    // The demo's scripted day would inject faults of its own; the tests want only theirs.
    await control('POST', '/scenario/day-in-the-life', { action: 'stop' });
    await control('POST', '/reset');
    admin = await login(app.baseUrl, ADMIN.email, ADMIN.password);
  };
  const fault = async (code: string) => {
    faulted.add(code);
    used.add(code);
    await control('POST', `/systems/${code}/faults`, { type: 'down', mode: 'refused' });
  };

  /** Detection and recovery budgets from the catalog, as the other board spec works them out. */
  const budgets = async (codes: string[]) => {
    const checks = (await Promise.all(codes.map((c) => api<CheckRow[]>('GET', `/api/catalog/checks?system=${c}`)))).flat();
    const runsMs = (runs: (c: CheckRow) => number) => Math.max(...checks.map((c) => (runs(c) * c.interval_s + c.timeout_s) * 1000));
    return {
      detectMs: runsMs((c) => c.thresholds.failures ?? DEFAULT_SOFT_HARD_CONFIG.failureThreshold) + DELIVERY_SLACK_MS,
      settleMs: runsMs((c) => c.thresholds.successes ?? DEFAULT_SOFT_HARD_CONFIG.successThreshold) + DELIVERY_SLACK_MS,
    };
  };
  const waitOperational = (codes: string[], timeoutMs: number) =>
    until(`${codes.join(', ')} operational`, timeoutMs, async () => {
      const statuses = await api<{ system: string; status: string | null }[]>('GET', '/api/status/systems');
      return codes.every((c) => statuses.find((s) => s.system === c)?.status === 'operational') ? true : undefined;
    });
  const openIncident = (code: string, timeoutMs: number) =>
    until(`an open incident of ${code}`, timeoutMs, async () => {
      const page = await api<{ items: IncidentItem[] }>('GET', `/api/incidents?system=${code}`);
      return page.items.find((i) => i.state !== 'resolved');
    });

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    contexts.push(context);
    return context.newPage();
  };
  const signIn = async (email: string, password: string) => {
    const page = await newPage();
    await page.goto(`${boardUrl}/board`);
    await page
      .getByTestId('login-email')
      .waitFor({ timeout: 30_000 })
      .catch(async (err: Error) => {
        throw new Error(`no sign-in form for ${email}; the page shows: ${(await page.textContent('body'))?.slice(0, 300)}; ${err.message}`);
      });
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 30_000 });
    return page;
  };
  const row = (page: Page, code: string) => page.locator(`[data-testid="incident-row"][data-system="${code}"]`);

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    port = await freePort();
    env = {
      KUZET_DATA_DIR: dataDir,
      KUZET_EMBEDDED_PG_PORT: String(await freePort()),
      KUZET_SIMULATOR_CONTROL_PORT: String(await freePort()),
      KUZET_ADMIN_EMAIL: ADMIN.email,
      KUZET_ADMIN_PASSWORD: ADMIN.password,
      KUZET_LOG_LEVEL: 'warn',
    };
    await boot();
    proxy = await startTcpProxy(port);
    boardUrl = `http://127.0.0.1:${proxy.port}`;
    systems = await api<SystemRow[]>('GET', '/api/catalog/systems');
    browser = await launchBrowser();
  }, 150_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await proxy?.close();
    await app?.stop(15_000);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  afterEach(async () => {
    for (const code of faulted) await control('DELETE', `/systems/${code}/faults`).catch(() => undefined);
    faulted.clear();
  });

  it('a viewer sees everything without actions; an operator sees its own agency only, acts on it, and is refused another agency (403)', async () => {
    // Two root systems (nothing upstream) of two agencies; the operator belongs to the first.
    const roots = systems.filter((s) => s.depends_on.length === 0);
    const own = roots.find((s) => s.tier === 'critical') ?? roots[0];
    const other = roots.find((s) => s.agency !== own.agency)!;
    expect(other).toBeDefined();
    const ownAgencySystems = systems.filter((s) => s.agency === own.agency).map((s) => s.code).sort();

    const viewer = { email: 'viewer@roles.kuzet.test', role: 'viewer' };
    const operator = { email: 'operator@roles.kuzet.test', role: 'agency_operator', agency: own.agency };
    for (const u of [viewer, operator]) await api('POST', '/api/users', { ...u, name: u.role, password: PASSWORD });

    const { detectMs, settleMs } = await budgets([own.code, other.code]);
    await waitOperational([own.code, other.code], settleMs * 3);
    await fault(own.code);
    await fault(other.code);
    const ownIncident = await openIncident(own.code, detectMs);
    const otherIncident = await openIncident(other.code, detectMs);
    expect(otherIncident.agency).not.toBe(own.agency);

    // Viewer: the whole board and both incidents, but no ack/resolve/note/public-update control.
    const viewerPage = await signIn(viewer.email, PASSWORD);
    await row(viewerPage, own.code).first().waitFor({ timeout: DELIVERY_SLACK_MS * 5 });
    await row(viewerPage, other.code).first().waitFor({ timeout: DELIVERY_SLACK_MS * 5 });
    expect(await viewerPage.getByTestId('system-tile').count()).toBeGreaterThanOrEqual(10);
    expect(await viewerPage.getByTestId('agency-heading').count()).toBeGreaterThanOrEqual(2);
    expect(await viewerPage.getByTestId('ack-button').count()).toBe(0);
    expect(await viewerPage.getByTestId('resolve-button').count()).toBe(0);
    await row(viewerPage, own.code).first().getByTestId('incident-details').click();
    await viewerPage.getByTestId('incident-timeline').waitFor();
    expect(await viewerPage.getByTestId('note-form').count()).toBe(0);
    expect(await viewerPage.getByTestId('public-update-form').count()).toBe(0);
    await viewerPage.screenshot({ path: join(ARTIFACTS, 'board-viewer.png') });

    // The wall puts problems first: the systems down lead the problems band, each with its agency;
    // the grid below shows every system and keeps the agency order (statuses never move a system).
    await viewerPage.goto(`${boardUrl}/board?wall=1`);
    await viewerPage.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 30_000 });
    await viewerPage.locator(`[data-testid="system-tile"][data-system="${own.code}"]:not([data-status="operational"]):not([data-status="no_data"])`).waitFor({ timeout: DELIVERY_SLACK_MS * 5 });
    await viewerPage.locator(`[data-testid="problem-card"][data-system="${own.code}"]`).waitFor({ timeout: DELIVERY_SLACK_MS * 5 });
    const top = await viewerPage.getByTestId('problem-card').first().evaluate((e) => ({ system: e.getAttribute('data-system'), status: e.getAttribute('data-status'), text: e.textContent }));
    expect(['major_outage', 'partial_outage', 'degraded_performance']).toContain(top.status);
    expect([...faulted]).toContain(top.system);
    expect(await viewerPage.getByTestId('system-tile').count()).toBe(systems.length);
    const wallAgencies = await viewerPage.getByTestId('wall-agency').evaluateAll((els) => els.map((e) => e.getAttribute('data-agency')!));
    expect(wallAgencies).toEqual([...wallAgencies].sort());
    await viewerPage.screenshot({ path: join(ARTIFACTS, 'board-wall-problems-first.png') });

    // Operator: its agency's systems and incidents only.
    const opPage = await signIn(operator.email, PASSWORD);
    await markPage(opPage);
    await row(opPage, own.code).first().waitFor({ timeout: DELIVERY_SLACK_MS * 5 });
    const tiles = await opPage.getByTestId('system-tile').evaluateAll((els) => els.map((e) => e.getAttribute('data-system')!));
    expect(tiles.sort()).toEqual(ownAgencySystems);
    const headings = await opPage.getByTestId('agency-heading').evaluateAll((els) => els.map((e) => e.getAttribute('data-agency')));
    expect(headings).toEqual([own.agency]);
    const rowAgencies = await opPage.getByTestId('incident-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-incident-id')));
    expect(rowAgencies).not.toContain(String(otherIncident.id));
    expect(await row(opPage, other.code).count()).toBe(0);

    // It acknowledges its own agency's incident from the board; the board shows it live.
    await opPage.locator(`[data-testid="incident-row"][data-incident-id="${ownIncident.id}"]`).getByTestId('ack-button').click();
    await opPage.locator(`[data-testid="incident-row"][data-incident-id="${ownIncident.id}"][data-state="acknowledged"]`).waitFor({ timeout: DELIVERY_SLACK_MS * 5 });
    expect(await pageMark(opPage)).toBe(42);
    await opPage.screenshot({ path: join(ARTIFACTS, 'board-operator.png') });

    // A hand-made request from the operator's page, with its valid CSRF token: its own agency's
    // incident takes a note (so the token is right), the other agency's refuses an ack with 403.
    const statuses = (await opPage.evaluate(
      `(async () => {
        const me = await (await fetch('/api/auth/me')).json();
        const post = (path, body) => fetch(path, {
          method: 'POST',
          headers: { 'x-csrf-token': me.csrf_token, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.status);
        return {
          ownNote: await post('/api/incidents/${ownIncident.id}/notes', { text: 'operator note' }),
          otherAck: await post('/api/incidents/${otherIncident.id}/ack', {}),
          otherRead: (await fetch('/api/incidents/${otherIncident.id}')).status,
        };
      })()`,
    )) as { ownNote: number; otherAck: number; otherRead: number };
    expect(statuses).toEqual({ ownNote: 201, otherAck: 403, otherRead: 403 });
    const otherAfter = await api<{ state: string }>('GET', `/api/incidents/${otherIncident.id}`);
    expect(otherAfter.state).toBe('open');

    // And the viewer's page cannot act either, whatever it sends.
    const viewerAck = await viewerPage.evaluate(
      `fetch('/api/auth/me').then((r) => r.json()).then((me) => fetch('/api/incidents/${otherIncident.id}/ack', { method: 'POST', headers: { 'x-csrf-token': me.csrf_token } })).then((r) => r.status)`,
    );
    expect(viewerAck).toBe(403);
  }, 300_000);

  it('the board survives a restart of the app: reconnecting, then connected, with what changed meanwhile, no reload, no duplicate', async () => {
    const page = await signIn(ADMIN.email, ADMIN.password);
    const target = systems.find((s) => s.depends_on.length === 0 && !used.has(s.code))!;
    expect(target).toBeDefined();
    await page.getByTestId('system-tile').first().waitFor();
    await markPage(page);

    // A real break: the app stops (SIGTERM, data dir kept). Then the proxy keeps the page away
    // until the restarted app has moved on (socket.io would otherwise be back within ~5 s).
    expect(await app.stop(30_000)).toBe(0);
    await page.locator('[data-testid="connection-state"]:not([data-state="connected"])').waitFor({ timeout: 15_000 });
    const during = await page.getByTestId('connection-state').getAttribute('data-state');
    expect(['reconnecting', 'offline']).toContain(during);
    await page.screenshot({ path: join(ARTIFACTS, 'board-reconnecting.png') });
    proxy.cut();

    await boot();
    const { detectMs } = await budgets([target.code]);
    await fault(target.code);
    const opened = await openIncident(target.code, detectMs * 2);
    // And a change of it made while the page is away.
    await api('POST', `/api/incidents/${opened.id}/ack`);
    expect(await page.getByTestId('connection-state').getAttribute('data-state')).not.toBe('connected');
    expect(await row(page, target.code).count()).toBe(0);

    proxy.restore();
    // socket.io's backoff tops out at 5 s (plus jitter) between attempts.
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid="incident-row"][data-incident-id="${opened.id}"][data-state="acknowledged"]`).waitFor({ timeout: DELIVERY_SLACK_MS * 5 });
    expect(await pageMark(page)).toBe(42);
    const ids = await page.getByTestId('incident-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-incident-id')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === String(opened.id))).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, 'board-reconnected.png') });
  }, 300_000);
});
