import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { KuzetProcess, startKuzet, waitForOk } from './kuzet-process';

/** The built app in demo mode (embedded PostgreSQL in a temp folder, the simulated fleet), quiet: no scripted faults. */
export interface DemoBoard {
  app: KuzetProcess;
  /** A call to the simulator's control API (faults, reset); throws on a non-2xx answer. */
  control: (method: string, path: string, body?: unknown) => Promise<void>;
  stop: () => Promise<void>;
}

export async function startDemoBoard(admin: { email: string; password: string }): Promise<DemoBoard> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-demo-board-'));
  const controlPort = await freePort();
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  const app = startKuzet(
    {
      KUZET_DATA_DIR: dataDir,
      KUZET_EMBEDDED_PG_PORT: String(await freePort()),
      KUZET_SIMULATOR_CONTROL_PORT: String(controlPort),
      KUZET_ADMIN_EMAIL: admin.email,
      KUZET_ADMIN_PASSWORD: admin.password,
      KUZET_LOG_LEVEL: 'warn',
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
    // The demo's scripted day would inject faults of its own; a test wants only its own.
    await control('POST', '/scenario/day-in-the-life', { action: 'stop' });
    await control('POST', '/reset');
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return { app, control, stop };
}
