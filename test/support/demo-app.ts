import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { KuzetProcess, startKuzet, waitForOk } from './kuzet-process';

/** What the browser tests read of a catalog system (GET /api/catalog/systems). */
export interface DemoSystemRow {
  code: string;
  agency: string;
  tier: string;
  depends_on: string[];
}

/** What the browser tests read of a check (GET /api/catalog/checks): its timing. */
export interface DemoCheckRow {
  interval_s: number;
  timeout_s: number;
  thresholds: { failures?: number; successes?: number };
}

export interface DemoApp {
  app: KuzetProcess;
  /** The simulator's control API (faults, reset, scenarios); throws on an answer other than 2xx. */
  control: (method: string, path: string, body?: unknown) => Promise<void>;
  /** Stops the app and removes its data dir. */
  stop: () => Promise<void>;
}

/**
 * The BUILT app in demo mode (embedded PostgreSQL in a temp data dir, the simulated fleet) with
 * `admin` as its first admin, its scripted day stopped and the fleet reset, so a test sees only
 * the faults it injects. `env` adds or overrides settings (KUZET_LOG_LEVEL is warn by default).
 */
export async function startDemoApp(admin: { email: string; password: string }, env: Record<string, string> = {}): Promise<DemoApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-demo-'));
  const controlUrl = `http://127.0.0.1:${await freePort()}`;
  const app = startKuzet(
    {
      KUZET_DATA_DIR: dataDir,
      KUZET_EMBEDDED_PG_PORT: String(await freePort()),
      KUZET_SIMULATOR_CONTROL_PORT: new URL(controlUrl).port,
      KUZET_ADMIN_EMAIL: admin.email,
      KUZET_ADMIN_PASSWORD: admin.password,
      KUZET_LOG_LEVEL: 'warn',
      ...env,
    },
    await freePort(),
  );
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${controlUrl}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`simulator ${method} ${path}: ${res.status} ${await res.text()}`);
  };
  const stop = async () => {
    await app.stop(15_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForOk(`${app.baseUrl}/api/health`, 90_000, app);
    await control('POST', '/scenario/day-in-the-life', { action: 'stop' });
    await control('POST', '/reset');
  } catch (error) {
    await stop();
    throw error;
  }
  return { app, control, stop };
}
