// Detection delay and false incidents, end to end: the built application (probing, ingest,
// detector, incidents) against the simulated fleet at a 5 s check interval, default thresholds.
//  1. a fault-free run of the whole fleet (BENCH_FAULT_FREE_S, default 600 s): incidents opened = false_incidents;
//  2. BENCH_OUTAGES (default 20) outages of each kind (refused, 5xx, hung), one system each,
//     injected 1 s apart: delay from the injection (simulator event time) to the incident being
//     visible on GET /api/incidents; and the share of unknown results in both runs.
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
import { adminUrl, databaseUrl } from '../../setup/test-database';

const INTERVAL_S = 5;
const FAULT_FREE_S = Number(process.env.BENCH_FAULT_FREE_S ?? 600);
const OUTAGES = Number(process.env.BENCH_OUTAGES ?? 20);
const COOLDOWN_S = 5;
/** The outage kinds measured, BENCH_OUTAGES of each. */
const KINDS = [
  { name: 'refused', fault: { type: 'down', mode: 'refused' } },
  { name: '5xx', fault: { type: 'down', mode: '5xx' } },
  { name: 'hung', fault: { type: 'down', mode: 'timeout' } },
] as const;

interface OutcomeCounts {
  total: number;
  up: number;
  degraded: number;
  down: number;
  unknown: number;
  rechecks: number;
}

/** Results stored between two instants, by outcome (the unknown share). */
async function outcomeCounts(database: string, from: number, to: number): Promise<OutcomeCounts> {
  const c = new Client({ connectionString: databaseUrl(database) });
  await c.connect();
  try {
    const { rows } = await c.query<{ outcome: number; n: string; rechecks: string }>(
      `SELECT outcome, count(*) AS n, count(*) FILTER (WHERE recheck) AS rechecks FROM check_results
        WHERE time >= $1 AND time < $2 GROUP BY outcome`,
      [new Date(from), new Date(to)],
    );
    const n = (o: number) => Number(rows.find((r) => Number(r.outcome) === o)?.n ?? 0);
    return {
      total: rows.reduce((sum, r) => sum + Number(r.n), 0),
      up: n(0),
      degraded: n(1),
      down: n(2),
      unknown: n(3),
      rechecks: rows.reduce((sum, r) => sum + Number(r.rechecks), 0),
    };
  } finally {
    await c.end();
  }
}
const ROOT = resolve(__dirname, '../../../..');

const progress = (event: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ event: `bench.detection.${event}`, ...data }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl() });
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
        DATABASE_URL: databaseUrl(database),
        KUZET_DATA_DIR: dataDir,
        KUZET_CATALOG_DIR: catalogDir,
        KUZET_DEMO: 'false',
        KUZET_MIN_INTERVAL_S: '1',
        KUZET_PROBE_ALLOW: '127.0.0.0/8',
        KUZET_INCIDENT_SWEEP_S: '1',
        KUZET_INCIDENT_COOLDOWN_S: String(COOLDOWN_S),
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
    const freeStart = Date.now();
    const freeEnd = Date.now() + FAULT_FREE_S * 1000;
    while (Date.now() < freeEnd) {
      await sleep(Math.min(30_000, freeEnd - Date.now()));
      progress('fault_free', { remaining_s: Math.max(0, Math.round((freeEnd - Date.now()) / 1000)) });
    }
    const falseIncidents = (await incidents(base, session)).filter((i) => !baseline.has(i.id));
    progress('fault_free.done', { false_incidents: falseIncidents.length });

    const freeCounts = await outcomeCounts(database, freeStart, Date.now());

    // 2. Outages, by kind: BENCH_OUTAGES systems each, injected 1 s apart; delay = first time the
    //    incident is visible. Between kinds every incident resolves and a cooldown passes, so each
    //    outage opens a new incident (a failure within the cooldown would reopen the old one).
    const delaysByKind: Record<string, number[]> = {};
    const outageStart = Date.now();
    for (const kind of KINDS) {
      const targets = systems.slice(0, Math.min(OUTAGES, systems.length));
      const injectedAt = new Map<string, number>();
      const seenAt = new Map<string, number>();
      const known = new Set((await incidents(base, session)).map((i) => i.id));
      const injector = (async () => {
        for (const code of targets) {
          await simulator.injectFault(code, kind.fault);
          const events = simulator.events().filter((e) => e.system === code && e.action === 'fault.injected');
          injectedAt.set(code, events.length > 0 ? events[events.length - 1].at_ms : Date.now());
          await sleep(1000);
        }
      })();
      const deadline = Date.now() + targets.length * 1000 + 90_000;
      while (seenAt.size < targets.length && Date.now() < deadline) {
        for (const incident of await incidents(base, session)) {
          if (known.has(incident.id) || !targets.includes(incident.system) || seenAt.has(incident.system)) continue;
          seenAt.set(incident.system, Date.now());
        }
        await sleep(100);
      }
      await injector;
      await simulator.clearFaults();
      delaysByKind[kind.name] = targets
        .filter((c) => seenAt.has(c) && injectedAt.has(c))
        .map((c) => (seenAt.get(c)! - injectedAt.get(c)!) / 1000)
        .sort((x, y) => x - y);
      progress('outages.done', { kind: kind.name, injected: targets.length, detected: delaysByKind[kind.name].length });
      // every incident resolved (cooldown after recovery), then one more cooldown
      const settleEnd = Date.now() + 120_000;
      while (Date.now() < settleEnd && (await incidents(base, session)).some((i) => i.state !== 'resolved')) await sleep(500);
      await sleep((COOLDOWN_S + 1) * 1000);
    }
    const outageCounts = await outcomeCounts(database, outageStart, Date.now());
    const fastDelays = [...delaysByKind.refused, ...delaysByKind['5xx']].sort((x, y) => x - y);
    const hung = delaysByKind.hung;
    const p = (list: number[], q: number) => Number(percentile(list, q).toFixed(2));
    const share = (c: OutcomeCounts) => (c.total > 0 ? Number((c.unknown / c.total).toFixed(6)) : null);
    const report = {
      name: 'detection',
      at: new Date().toISOString(),
      interval_s: INTERVAL_S,
      timeout_s: { critical: 3, other: 4 },
      outages_injected: KINDS.length * Math.min(OUTAGES, systems.length),
      outages_detected: Object.values(delaysByKind).reduce((n, l) => n + l.length, 0),
      detection_delay_p50_s: p(fastDelays, 50),
      detection_delay_p95_s: p(fastDelays, 95),
      detection_delay_max_s: fastDelays.length ? Number(fastDelays[fastDelays.length - 1].toFixed(2)) : null,
      by_kind: Object.fromEntries(
        Object.entries(delaysByKind).map(([k, l]) => [k, { detected: l.length, p50_s: p(l, 50), p95_s: p(l, 95) }]),
      ),
      hung_detection_delay_p95_s: p(hung, 95),
      false_incidents: falseIncidents.length,
      fault_free_s: FAULT_FREE_S,
      unknown_share: share(freeCounts),
      unknown_share_outages: share(outageCounts),
      results: { fault_free: freeCounts, outages: outageCounts },
      thresholds: 'defaults: 2 consecutive failures -> down, 2 successes -> up, recheck 1 s after a changed result',
      method:
        'delay = time the incident first appears on GET /api/incidents (polled every 100 ms) minus the simulator event time of the injected fault; refused = connections refused, 5xx = HTTP 503 to everything, hung = connections accepted and never answered; the whole fleet (every system, 4 checks each) is probed at 5 s throughout; unknown_share = unknown results / all results in check_results over the run',
      targets: {
        detection_delay_p95_s: INTERVAL_S + 2,
        hung_detection_delay_p95_s: INTERVAL_S + 2 * 4 + 2,
        false_incidents: 0,
        unknown_share: 0.001,
      },
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
