// Detection delay and false incidents, end to end: the built application (probing, ingest,
// detector, incidents) against the simulated fleet at a 5 s check interval, default thresholds.
//  1. a fault-free run of the whole fleet (BENCH_FAULT_FREE_S, default 600 s): incidents opened = false_incidents;
//  2. BENCH_OUTAGES (default 20) outages, one system each, injected 1 s apart: delay from the
//     injection (simulator event time) to the incident being visible on GET /api/incidents.
// `npm run bench -- detection`; writes bench/results/detection.json.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startSimulator } from '../../../apps/simulator/src';
import { createSimulatorLogger } from '../../../apps/simulator/src/logging/simulator-logger';
import { login, SignedIn } from '../../support/auth-helpers';
import { freePort } from '../../support/free-port';
import { percentile } from '../../support/percentile';

const INTERVAL_S = 5;
const FAULT_FREE_S = Number(process.env.BENCH_FAULT_FREE_S ?? 600);
const OUTAGES = Number(process.env.BENCH_OUTAGES ?? 20);
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = resolve(__dirname, '../../../..');

const progress = (event: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ event: `bench.detection.${event}`, ...data }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

interface Incident {
  id: number;
  system: string;
  opened_at: string;
  state: string;
}

/** Reading incidents needs a session: the bench signs in as the admin it configures. */
const ADMIN = { email: 'bench@kuzet.test', password: 'bench-admin-password' };

async function incidents(base: string, session: SignedIn): Promise<Incident[]> {
  const res = await fetch(`${base}/api/incidents?limit=200`, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`GET /api/incidents answered ${res.status}`);
  const body = (await res.json()) as { items: Incident[] };
  return body.items;
}


async function main(): Promise<void> {
  const database = `kuzet_bench_detection_${Date.now()}`;
  await admin(`CREATE DATABASE ${database}`);
  const catalogDir = mkdtempSync(join(tmpdir(), 'kuzet-bench-detection-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-bench-detection-data-'));
  const simulator = await startSimulator({ controlPort: 0, catalogDir, intervalS: INTERVAL_S, dayInTheLife: false, logger: createSimulatorLogger('warn') });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let app: ChildProcess | undefined;
  try {
    app = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
        KUZET_DATA_DIR: dataDir,
        KUZET_CATALOG_DIR: catalogDir,
        KUZET_DEMO: 'false',
        KUZET_MIN_INTERVAL_S: '1',
        KUZET_PROBE_ALLOW: '127.0.0.0/8',
        KUZET_INCIDENT_SWEEP_S: '1',
        KUZET_LOG_LEVEL: 'warn',
        KUZET_ADMIN_EMAIL: ADMIN.email,
        KUZET_ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('the app did not become healthy in 60 s');
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(100);
    }
    const session = await login(base, ADMIN.email, ADMIN.password);
    const systems = simulator.systems.map((s) => s.code);
    progress('ready', { systems: systems.length, checks: systems.length * 4, interval_s: INTERVAL_S, database });

    // 1. Fault-free: let the first results settle (two intervals), then count what opens.
    await sleep(2 * INTERVAL_S * 1000);
    const baseline = new Set((await incidents(base, session)).map((i) => i.id));
    const freeEnd = Date.now() + FAULT_FREE_S * 1000;
    while (Date.now() < freeEnd) {
      await sleep(Math.min(30_000, freeEnd - Date.now()));
      progress('fault_free', { remaining_s: Math.max(0, Math.round((freeEnd - Date.now()) / 1000)) });
    }
    const falseIncidents = (await incidents(base, session)).filter((i) => !baseline.has(i.id));
    progress('fault_free.done', { false_incidents: falseIncidents.length });

    // 2. Outages: one system each, 1 s apart; delay = first time the incident is visible.
    const targets = systems.slice(0, OUTAGES);
    const injectedAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    const known = new Set((await incidents(base, session)).map((i) => i.id));
    const injector = (async () => {
      for (const code of targets) {
        await simulator.injectFault(code, { type: 'down', mode: 'refused' });
        const events = simulator.events().filter((e) => e.system === code && e.action === 'fault.injected');
        injectedAt.set(code, events.length > 0 ? events[events.length - 1].at_ms : Date.now());
        await sleep(1000);
      }
    })();
    const deadline = Date.now() + OUTAGES * 1000 + 60_000;
    while (seenAt.size < targets.length && Date.now() < deadline) {
      for (const incident of await incidents(base, session)) {
        if (known.has(incident.id) || !targets.includes(incident.system) || seenAt.has(incident.system)) continue;
        seenAt.set(incident.system, Date.now());
      }
      await sleep(100);
    }
    await injector;
    await simulator.clearFaults();
    const delays = targets
      .filter((c) => seenAt.has(c) && injectedAt.has(c))
      .map((c) => (seenAt.get(c)! - injectedAt.get(c)!) / 1000)
      .sort((a, b) => a - b);
    const report = {
      name: 'detection',
      at: new Date().toISOString(),
      outages_injected: targets.length,
      outages_detected: delays.length,
      interval_s: INTERVAL_S,
      detection_delay_p50_s: Number(percentile(delays, 50).toFixed(2)),
      detection_delay_p95_s: Number(percentile(delays, 95).toFixed(2)),
      detection_delay_max_s: delays.length ? Number(delays[delays.length - 1].toFixed(2)) : null,
      false_incidents: falseIncidents.length,
      fault_free_s: FAULT_FREE_S,
      thresholds: 'defaults: 2 consecutive failures -> down, 2 successes -> up',
      method:
        'delay = time the incident first appears on GET /api/incidents (polled every 100 ms) minus the simulator event time of the injected fault (refused connections); the whole fleet (every system, 4 checks each) is probed at 5 s throughout',
      targets: { detection_delay_p95_s: 2 * INTERVAL_S + 1, false_incidents: 0 },
      machine: { cpu: cpus()[0]?.model, cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/detection.json'), `${JSON.stringify(report, null, 2)}\n`);
    progress('done', report);
  } finally {
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once('exit', r));
      app.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (app.exitCode === null) app.kill('SIGKILL');
    }
    await simulator.stop();
    rmSync(catalogDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
