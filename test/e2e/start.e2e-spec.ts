import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { login, SignedIn } from '../support/auth-helpers';
import { KuzetProcess, startKuzet, waitForOk } from '../support/kuzet-process';

interface SystemRow {
  code: string;
  agency: string;
}

const portIsOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function waitForClosed(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** The first admin (KUZET_ADMIN_EMAIL/PASSWORD), signed in once the app is up. */
const ADMIN = { email: 'admin@e2e.kuzet', password: 'e2e-admin-password' };
let admin: SignedIn | undefined;

async function json<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { ...init, headers: { ...admin?.headers, ...(init?.headers as Record<string, string>) } });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * What `npm start` does on a fresh machine: the built app, no DATABASE_URL (embedded PostgreSQL),
 * no catalog folder (the simulated demo fleet), then a restart on the same data folder.
 */
describe('one-command start (built app, embedded PostgreSQL, demo fleet)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-e2e-'));
  let env: Record<string, string>;
  let port: number;
  let pgPort: number;
  let app: KuzetProcess | undefined;

  beforeAll(async () => {
    port = await freePort();
    pgPort = await freePort();
    env = {
      KUZET_DATA_DIR: dataDir,
      KUZET_EMBEDDED_PG_PORT: String(pgPort),
      KUZET_SIMULATOR_CONTROL_PORT: String(await freePort()),
      KUZET_LOG_LEVEL: 'warn',
      KUZET_ADMIN_EMAIL: ADMIN.email,
      KUZET_ADMIN_PASSWORD: ADMIN.password,
    };
  });

  afterAll(async () => {
    await app?.stop(10_000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /api/health with the storage mode within 60 s and lists the simulated fleet', async () => {
    app = startKuzet(env, port);
    const tookMs = await waitForOk(`${app.baseUrl}/api/health`, 60_000, app);
    expect(tookMs).toBeLessThan(60_000);

    const health = await json<{ status: string; storage: { mode: string }; versions: Record<string, string> }>(`${app.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.storage.mode).toBe('postgresql');
    expect(health.body.versions.postgres).toMatch(/^\d+/);

    // Everything but health, sign-in, metrics and the probe endpoints needs a session.
    expect((await fetch(`${app.baseUrl}/api/catalog/systems`)).status).toBe(401);
    admin = await login(app.baseUrl, ADMIN.email, ADMIN.password);
    expect(admin.user.role).toBe('admin');
    // Demo mode: the demo users' generated passwords are printed once, at their creation (the
    // operator's right after the demo catalog is loaded).
    for (let i = 0; i < 100 && !app.output().includes('operator@demo.kuzet'); i++) await new Promise((r) => setTimeout(r, 100));
    const printedLine = /operator@demo\.kuzet\s+(\S+)\s+\(agency_operator\)/.exec(app.output());
    expect(printedLine).not.toBeNull();
    // Shown once, on the terminal block only: never in the JSON log lines.
    expect(app.output().split(printedLine![1]).length - 1).toBe(1);

    const systems = await json<SystemRow[]>(`${app.baseUrl}/api/catalog/systems`);
    expect(systems.status).toBe(200);
    expect(systems.body.length).toBeGreaterThanOrEqual(30);
    expect(new Set(systems.body.map((s) => s.agency)).size).toBeGreaterThanOrEqual(10);
    expect(systems.body.map((s) => s.code)).toEqual(expect.arrayContaining(['egov-portal', 'egov-gateway', 'damumed']));
  });

  it('serves the web shell, OpenAPI and Prometheus metrics on the same port', async () => {
    const page = await fetch(`${app!.baseUrl}/`);
    expect(page.status).toBe(200);
    // The public page is rendered on the server (its markup is there before any script runs).
    expect(await page.text()).toContain('<div id="root" data-ssr="public"><div data-testid="public-live">');
    expect((await fetch(`${app!.baseUrl}/board`)).status).toBe(200);

    const openapi = await json<{ paths: Record<string, unknown> }>(`${app!.baseUrl}/api/docs-json`);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/catalog/systems']));

    const metrics = await fetch(`${app!.baseUrl}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toMatch(/^kuzet_process_cpu_seconds_total/m);
  });

  it('refuses an oversized request body with 413 and keeps serving', async () => {
    const res = await fetch(`${app!.baseUrl}/api/catalog/agencies`, {
      method: 'POST',
      headers: { ...admin!.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'big', padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await fetch(`${app!.baseUrl}/api/health`)).status).toBe(200);
  });

  it('stops cleanly on SIGTERM, embedded PostgreSQL included, and a restart keeps the data', async () => {
    const before = await json<SystemRow[]>(`${app!.baseUrl}/api/catalog/systems`);
    const created = await fetch(`${app!.baseUrl}/api/catalog/agencies`, {
      method: 'POST',
      headers: { ...admin!.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'e2e-restart', name: { kk: 'Сынақ', ru: 'Проверка', en: 'Restart check' } }),
    });
    expect(created.status).toBe(201);
    const code = await app!.stop();
    expect(code).toBe(0);
    expect(await portIsOpen(pgPort)).toBe(false);

    app = startKuzet(env, port);
    await waitForOk(`${app.baseUrl}/api/health`, 60_000, app);
    // Sessions live in PostgreSQL: the admin's survives the restart; demo passwords are not printed again.
    expect(app.output()).not.toContain('demo.kuzet');
    const after = await json<SystemRow[]>(`${app.baseUrl}/api/catalog/systems`);
    expect(after.status).toBe(200);
    expect(after.body.map((s) => s.code).sort()).toEqual(before.body.map((s) => s.code).sort());
    const kept = await json<{ code: string; name: { en: string } }>(`${app.baseUrl}/api/catalog/agencies/e2e-restart`);
    expect(kept.status).toBe(200);
    expect(kept.body.name.en).toBe('Restart check');
  });

  it('recovers after kill -9: the left-over embedded server is taken over and the simulator does not linger', async () => {
    const simulatorControl = `http://127.0.0.1:${env.KUZET_SIMULATOR_CONTROL_PORT}/health`;
    expect((await fetch(simulatorControl)).status).toBe(200);
    app!.child.kill('SIGKILL');
    await new Promise((resolve) => app!.child.once('exit', resolve));
    // The demo simulator notices its parent is gone (IPC channel) and stops by itself.
    await expect(waitForClosed(simulatorControl, 10_000)).resolves.toBe(true);

    app = startKuzet(env, port);
    await waitForOk(`${app.baseUrl}/api/health`, 60_000, app);
    expect(app.output()).toContain('left over');
    const kept = await fetch(`${app.baseUrl}/api/catalog/agencies/e2e-restart`, { headers: admin!.headers });
    expect(kept.status).toBe(200);
  });

  it('refuses a bad configuration value, naming the variable', async () => {
    const bad = startKuzet({ ...env, KUZET_MIN_INTERVAL_S: 'soon' }, await freePort());
    const code = await new Promise<number | null>((resolve) => bad.child.once('exit', resolve));
    expect(code).toBe(2);
    expect(bad.output()).toContain('KUZET_MIN_INTERVAL_S');
  });
});
