// Public status surge (`npm run bench -- status`): writes bench/results/status.json.
// The built application (real PostgreSQL, the simulated fleet at a 5 s interval) answers a surge of
// anonymous readers on loopback while an incident storm runs in the simulator (faults injected and
// cleared on a rotating set of public systems, so the public snapshot keeps changing). autocannon
// measures, one after the other, for BENCH_STATUS_DURATION_S each:
//   - GET /api/public/v1/status (the JSON summary, served from memory once per change, brotli
//     made once per change), with a browser's Accept-Encoding and (json_identity) without;
//   - GET /en/status (the server-rendered page, asked for with a browser's Accept-Encoding);
//   - the baseline: a static file of the same bytes as the status JSON with its precompressed
//     copies, served by the same process (@fastify/static), measured in the same run;
//     ratio_to_static = json / static requests per second.
// The public rate limit is raised for the run (one client address makes every request here).
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { startSimulator, type SimulatorHandle } from '../../../apps/simulator/src';

import { createSimulatorLogger } from '../../../apps/simulator/src/logging/simulator-logger';
import { freePort } from '../../support/free-port';
import { adminUrl, databaseUrl } from '../../setup/test-database';

const DURATION_S = Number(process.env.BENCH_STATUS_DURATION_S ?? 15);
const CONNECTIONS = Number(process.env.BENCH_STATUS_CONNECTIONS ?? 50);
const INTERVAL_S = 5;
/** Systems faulted at once by the storm, and how often it moves on to the next ones. */
const STORM_WIDTH = 6;
const STORM_STEP_MS = 3_000;
const ROOT = resolve(__dirname, '../../../..');
const WEB_DIST = join(ROOT, 'apps/web/dist');
const BASELINE_FILE = 'bench-status-baseline.json';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
const TARGETS = { json_requests_per_second: 5_000, json_p99_ms: 50, ratio_to_static: 0.5, html_requests_per_second: 2_000 };

const progress = (event: string, data: Record<string, unknown> = {}) => console.log(JSON.stringify({ event: `bench.status.${event}`, ...data }));
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

interface Measured {
  requests_per_second: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
  bytes_per_response: number;
}

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Measured> {
  progress('measure.start', { name, url: new URL(url).pathname, duration_s: DURATION_S, connections: CONNECTIONS, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const m: Measured = {
    requests_per_second: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non_2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytes_per_response: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
  progress('measure.done', { name, ...m });
  return m;
}

function startApp(port: number, database: string, catalogDir: string, dataDir: string): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
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
      KUZET_INCIDENT_COOLDOWN_S: '5',
      KUZET_PUBLIC_RATE_LIMIT: '1000000',
      KUZET_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function healthy(base: string, app: ChildProcess): Promise<void> {
  for (let i = 0; ; i++) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}) before it was healthy`);
    if (i > 900) throw new Error('the app did not become healthy in 90 s');
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
}

async function stop(app: ChildProcess | undefined): Promise<void> {
  if (!app || app.exitCode !== null) return;
  const exited = new Promise((r) => app.once('exit', r));
  app.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  if (app.exitCode === null) app.kill('SIGKILL');
}

/** Faults a rotating window of public systems: incidents open and resolve for the whole run. */
function startStorm(simulator: SimulatorHandle, codes: string[]): { stop: () => Promise<number> } {
  let running = true;
  let injected = 0;
  const loop = (async () => {
    for (let step = 0; running; step++) {
      const window = Array.from({ length: Math.min(STORM_WIDTH, codes.length) }, (_, i) => codes[(step * 2 + i) % codes.length]);
      await simulator.clearFaults();
      for (const code of window) {
        await simulator.injectFault(code, { type: 'down', mode: step % 2 === 0 ? 'refused' : '5xx' });
        injected++;
      }
      await sleep(STORM_STEP_MS);
    }
    await simulator.clearFaults();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return injected;
    },
  };
}

async function main(): Promise<void> {
  const database = `kuzet_bench_status_${Date.now()}`;
  await admin(`CREATE DATABASE ${database}`);
  const catalogDir = mkdtempSync(join(tmpdir(), 'kuzet-bench-status-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-bench-status-data-'));
  const simulator = await startSimulator({ controlPort: 0, catalogDir, intervalS: INTERVAL_S, dayInTheLife: false, logger: createSimulatorLogger('warn') });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let app: ChildProcess | undefined;
  try {
    // First start: migrate, load the catalog, read the summary's size for the static baseline.
    app = startApp(port, database, catalogDir, dataDir);
    await healthy(base, app);
    await sleep(2 * INTERVAL_S * 1000);
    const summary = await (await fetch(`${base}/api/public/v1/status`)).text();
    const publicCodes = (JSON.parse(summary) as { systems: { code: string }[] }).systems.map((s) => s.code);
    await stop(app);
    // The static server lists its files when it starts: the baseline file must be there first.
    mkdirSync(WEB_DIST, { recursive: true });
    writeFileSync(join(WEB_DIST, BASELINE_FILE), summary);
    writeFileSync(join(WEB_DIST, `${BASELINE_FILE}.br`), brotliCompressSync(summary, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }));
    writeFileSync(join(WEB_DIST, `${BASELINE_FILE}.gz`), gzipSync(summary));
    app = startApp(port, database, catalogDir, dataDir);
    await healthy(base, app);
    progress('ready', { public_systems: publicCodes.length, summary_bytes: Buffer.byteLength(summary), database });

    const storm = startStorm(simulator, publicCodes);
    await sleep(2 * INTERVAL_S * 1000); // the first incidents open before measuring
    const incidentsAtStart = ((await (await fetch(`${base}/api/public/v1/status`)).json()) as { active_incidents: unknown[] }).active_incidents.length;
    // Everything is asked for as a browser asks (Accept-Encoding): the status JSON, the page and
    // the static file each go out as brotli (the static one from its .br copy written at build).
    // The baseline first: a slow measurement must not leave a backlog for the next one.
    const staticBaseline = await measure('static', `${base}/${BASELINE_FILE}`, BROWSER);
    const json = await measure('json', `${base}/api/public/v1/status`, BROWSER);
    const jsonIdentity = await measure('json_identity', `${base}/api/public/v1/status`);
    const html = await measure('html', `${base}/en/status`, BROWSER);
    const injected = await storm.stop();

    const ratio = Number((json.requests_per_second / staticBaseline.requests_per_second).toFixed(3));
    const report = {
      name: 'status',
      at: new Date().toISOString(),
      duration_s: DURATION_S,
      connections: CONNECTIONS,
      public_systems: publicCodes.length,
      storm: { faults_injected: injected, active_incidents_when_measuring_began: incidentsAtStart, step_ms: STORM_STEP_MS, width: STORM_WIDTH },
      json_requests_per_second: json.requests_per_second,
      json_p50_ms: json.p50_ms,
      json_p99_ms: json.p99_ms,
      html_requests_per_second: html.requests_per_second,
      html_p99_ms: html.p99_ms,
      static_baseline_requests_per_second: staticBaseline.requests_per_second,
      static_baseline_p99_ms: staticBaseline.p99_ms,
      ratio_to_static: ratio,
      json_identity_requests_per_second: jsonIdentity.requests_per_second,
      details: { json, json_identity: jsonIdentity, html, static: staticBaseline },
      targets: TARGETS,
      met: {
        json_requests_per_second: json.requests_per_second >= TARGETS.json_requests_per_second,
        json_p99_ms: json.p99_ms < TARGETS.json_p99_ms,
        ratio_to_static: ratio >= TARGETS.ratio_to_static,
        html_requests_per_second: html.requests_per_second >= TARGETS.html_requests_per_second,
      },
      machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/status.json'), `${JSON.stringify(report, null, 2)}\n`);
    progress('done', { json_rps: report.json_requests_per_second, json_p99_ms: report.json_p99_ms, html_rps: report.html_requests_per_second, static_rps: report.static_baseline_requests_per_second, ratio_to_static: ratio });
    if ([json, jsonIdentity, html, staticBaseline].some((m) => m.non_2xx > 0 || m.errors > 0)) throw new Error('some requests failed: see details in the report');
  } finally {
    await stop(app);
    await simulator.stop();
    for (const suffix of ['', '.br', '.gz']) rmSync(join(WEB_DIST, `${BASELINE_FILE}${suffix}`), { force: true });
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
