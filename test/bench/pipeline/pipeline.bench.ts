// Whole-pipeline benchmark (`npm run bench -- pipeline`): writes bench/results/pipeline.json.
// The built application (non-demo: scheduler, embedded probe agent, ingest, detector, real-time
// summaries) probes a generated catalog of HTTP checks at a 10 s interval against a local target
// server (its own process), at each demand level (checks/s; BENCH_PIPELINE_LEVELS, default
// 1000,2000,4000): a fresh database per level, a warm-up (BENCH_PIPELINE_WARMUP_S, default 30),
// then a measured window (BENCH_PIPELINE_SECONDS, default 120). Per level: stored rows, unknown
// and skipped runs, schedule lag (from the app's own histogram), /api/health latency asked every
// 200 ms, RSS and CPU of the app's process tree (and of its PostgreSQL backends when the server is
// local). Then a capacity search (BENCH_PIPELINE_SEARCH_LEVELS, default 2) adds levels between the
// highest level held and the lowest not held. The baseline: Debian's blackbox_exporter probing the
// same target in the same run, driven by autocannon at 64 connections, before and after the levels
// (the higher counts). BENCH_PIPELINE_NODE_FLAGS replaces the app's Node flags (experiments).
// Figures are reported, not asserted: unmet targets exit 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../support/free-port';
import { API_NODE_FLAGS } from '../../../apps/api/src/boot/node-runtime-flags';
import { API_ENTRY, startKuzet, waitForOk, type KuzetProcess } from '../../support/kuzet-process';
import { percentile } from '../../support/percentile';
import { CpuMeter, machineCpuShares, machineCpuTicks, processTree, rssBytesOf, threadCpuSecondsOf } from '../../support/proc-stats';
import { bucketDelta, bucketQuantile, histogramBuckets, metricNames, sumOf, valueWith } from '../../support/prometheus-text';
import { adminUrl, createDatabase, databaseUrl, dropDatabase } from '../../setup/test-database';
import { ensureBlackboxExporter, measureBlackbox, type BlackboxResult } from './blackbox-exporter';
import { writePipelineCatalog } from './pipeline-catalog';

const ROOT = resolve(__dirname, '../../../..');
const TARGET_ENTRY = join(__dirname, 'target-server.js');

const envNumber = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
};
const LEVELS = (process.env.BENCH_PIPELINE_LEVELS ?? '1000,2000,4000').split(',').map((s) => {
  const n = Number(s.trim());
  if (!Number.isInteger(n) || n <= 0) throw new Error(`BENCH_PIPELINE_LEVELS: "${s}" is not a positive integer (checks/s)`);
  return n;
});
const SECONDS = envNumber('BENCH_PIPELINE_SECONDS', 120);
/** Extra levels between the highest level held and the lowest not held, to find the sustainable rate. */
const SEARCH_LEVELS = Number(process.env.BENCH_PIPELINE_SEARCH_LEVELS ?? 2);
if (!Number.isInteger(SEARCH_LEVELS) || SEARCH_LEVELS < 0) throw new Error(`BENCH_PIPELINE_SEARCH_LEVELS must be a whole number, got "${process.env.BENCH_PIPELINE_SEARCH_LEVELS}"`);
/** The search stops when the gap between held and not held is this narrow (checks/s). */
const SEARCH_RESOLUTION = 500;
const WARMUP_S = envNumber('BENCH_PIPELINE_WARMUP_S', 30);
const TARGET_PORTS = envNumber('BENCH_PIPELINE_TARGET_PORTS', 64);
const BLACKBOX_SECONDS = envNumber('BENCH_PIPELINE_BLACKBOX_SECONDS', 20);
const BLACKBOX_CONNECTIONS = 64;
/** For experiments: the app's Node flags instead of API_NODE_FLAGS (space-separated; reported in the JSON). */
const NODE_FLAGS: readonly string[] = process.env.BENCH_PIPELINE_NODE_FLAGS !== undefined ? process.env.BENCH_PIPELINE_NODE_FLAGS.split(/\s+/).filter(Boolean) : API_NODE_FLAGS;
const INTERVAL_S = 10;
const CHECKS_PER_SYSTEM = 10;
/** The checks' default timeout (min(10 s, interval / 2)) plus the ingest linger: every run of the window is stored by then. */
const SETTLE_S = INTERVAL_S / 2 + 3;
const HEALTH_EVERY_MS = 200;
const HEALTH_TIMEOUT_MS = 10_000;
const BOOT_TIMEOUT_MS = 300_000;
const ASSIGN_TIMEOUT_MS = 180_000;
const SIGTERM_GRACE_MS = 60_000;
const SKIPPED_METRIC = 'kuzet_probe_runs_skipped_total';
const LAG_METRIC = 'kuzet_probe_schedule_lag_seconds';

const TARGETS = {
  at_2000: { stored_share_min: 0.999, lag_p99_ms_max: 1000, health_p99_ms_max: 50, rss_mb_max: 400 },
  at_4000: { unknown_share_max: 0.001, stored_per_second_min_ratio_to_2000: 0.9 },
  ratio_to_blackbox_exporter_min: 1.2,
};

const progress = (event: string, data: Record<string, unknown> = {}) => console.log(JSON.stringify({ event: `bench.pipeline.${event}`, ...data }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Every child started by the bench, killed on any exit. */
const children = new Set<ChildProcess>();
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
function killChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

interface Level {
  demanded_per_second: number;
  /** A level the capacity search added (not one of BENCH_PIPELINE_LEVELS). */
  search?: boolean;
  checks: number;
  systems?: number;
  seconds?: number;
  planned_runs?: number;
  stored_per_second?: number;
  stored_share?: number;
  unknown_share?: number;
  skipped_share?: number;
  skipped_share_source?: string;
  lag_p50_ms?: number | null;
  lag_p99_ms?: number | null;
  health_p99_ms?: number | null;
  rss_mb_max?: number;
  cpu_pct?: number;
  /** Share of the machine's CPU time the hypervisor gave to others over the window (/proc/stat steal). */
  machine_steal_pct?: number;
  machine_idle_pct?: number;
  postgres_cpu_pct?: number | null;
  target_server_cpu_pct?: number;
  details?: Record<string, unknown>;
  error?: string;
}

async function startTargetServer(ports: number): Promise<{ child: ChildProcess; ports: number[] }> {
  const child = track(spawn(process.execPath, [TARGET_ENTRY, String(ports)], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const ready = await new Promise<number[]>((done, fail) => {
    let buf = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buf += chunk;
      const line = buf.split('\n').find((l) => l.includes('target.ready'));
      if (line) done((JSON.parse(line) as { ports: number[] }).ports);
    });
    child.once('exit', (code) => fail(new Error(`the target server exited (${code}) before it was ready`)));
  });
  return { child, ports: ready };
}

/** The running app (test/support/kuzet-process) and the bytes it wrote to stdout and stderr. */
interface App {
  proc: KuzetProcess;
  child: ChildProcess;
  base: string;
  outputBytes: () => number;
  tail: () => string;
}

function startApp(port: number, database: string, catalogDir: string, dataDir: string): App {
  const env = { DATABASE_URL: databaseUrl(database), KUZET_DATA_DIR: dataDir, KUZET_CATALOG_DIR: catalogDir };
  const proc = startKuzet({ ...env, KUZET_DEMO: 'false', KUZET_PROBE_ALLOW: '127.0.0.0/8', KUZET_LOG_LEVEL: 'warn' }, port, NODE_FLAGS);
  track(proc.child);
  let bytes = 0;
  const count = (chunk: Buffer) => (bytes += chunk.length);
  proc.child.stdout!.on('data', count);
  proc.child.stderr!.on('data', count);
  return { proc, child: proc.child, base: proc.baseUrl, outputBytes: () => bytes, tail: () => proc.output().slice(-8_000) };
}

function assertAlive(app: App, when: string): void {
  if (app.child.exitCode !== null || app.child.signalCode !== null)
    throw new Error(`the app exited (${app.child.exitCode ?? app.child.signalCode}) ${when}; its last output:\n${app.tail()}`);
}

async function waitFor(app: App, what: string, timeoutMs: number, test: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    assertAlive(app, `while waiting for ${what}`);
    if (await test().catch(() => false)) return Date.now() - started;
    await sleep(500);
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms; the app's last output:\n${app.tail()}`);
}

async function scrape(app: App): Promise<string> {
  const res = await fetch(`${app.base}/metrics`, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  return res.text();
}

interface Shutdown {
  sigterm_exit_ms: number | null;
  exit_code: number | null;
  killed: boolean;
  /** When it had to be killed: the start of what it wrote after SIGTERM (what it was doing). */
  output_after_sigterm?: string;
}

/** SIGTERM, then SIGKILL after the grace period; the milliseconds to exit and the exit code. */
async function stopApp(app: App): Promise<Shutdown> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return { sigterm_exit_ms: null, exit_code: app.child.exitCode, killed: false };
  let after = '';
  const keep = (chunk: Buffer) => {
    if (after.length < 4_000) after += chunk.toString();
  };
  app.child.stdout!.on('data', keep);
  app.child.stderr!.on('data', keep);
  const started = Date.now();
  const code = await app.proc.stop(SIGTERM_GRACE_MS);
  const killed = app.child.signalCode === 'SIGKILL';
  if (!killed) return { sigterm_exit_ms: Date.now() - started, exit_code: code, killed };
  return { sigterm_exit_ms: null, exit_code: code, killed, output_after_sigterm: after.slice(0, 4_000) };
}

interface HealthRuns {
  durations: number[];
  failures: number;
  /** Answers by HTTP status, and how many said the probe was overloaded. */
  statuses: Record<string, number>;
  overloaded: number;
}

/** /api/health asked every HEALTH_EVERY_MS (each request on its own, so a slow answer does not delay the next). */
function startHealthProbe(base: string): { stop: () => Promise<HealthRuns> } {
  const runs: HealthRuns = { durations: [], failures: 0, statuses: {}, overloaded: 0 };
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const t0 = performance.now();
    const p = fetch(`${base}/api/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) })
      .then(async (res) => {
        const body = await res.text();
        runs.durations.push(performance.now() - t0);
        runs.statuses[res.status] = (runs.statuses[res.status] ?? 0) + 1;
        if (/overload/i.test(body)) runs.overloaded++;
      })
      .catch(() => {
        runs.failures++;
        runs.durations.push(performance.now() - t0);
      })
      .finally(() => pending.delete(p));
    pending.add(p);
  }, HEALTH_EVERY_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      return runs;
    },
  };
}

/**
 * The local PostgreSQL server's processes working for the level: the backends of its database
 * and the server's shared writers (WAL writer, checkpointer, background writer), which also serve
 * other databases of the server. Null when the server is not on this machine.
 */
async function postgresPids(client: Client, database: string): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE pid <> pg_backend_pid() AND (datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer'))`,
    [database],
  );
  return rows.map((r) => r.pid).filter((pid) => existsSync(`/proc/${pid}`));
}

/** Rows of the window by outcome, planned runs only (a recheck is an extra run, counted apart). */
async function outcomeCounts(database: string, from: Date, to: Date): Promise<{ stored: number; unknown: number; rechecks: number; by_outcome: Record<string, number> }> {
  const c = new Client({ connectionString: databaseUrl(database) });
  await c.connect();
  try {
    const { rows } = await c.query<{ outcome: number; recheck: boolean; n: string }>(
      'SELECT outcome, recheck, count(*) AS n FROM check_results WHERE time >= $1 AND time < $2 GROUP BY outcome, recheck',
      [from, to],
    );
    const names = ['up', 'degraded', 'down', 'unknown'];
    const by: Record<string, number> = { up: 0, degraded: 0, down: 0, unknown: 0 };
    let rechecks = 0;
    for (const r of rows) {
      if (r.recheck) rechecks += Number(r.n);
      else by[names[Number(r.outcome)]] += Number(r.n);
    }
    return { stored: by.up + by.degraded + by.down + by.unknown, unknown: by.unknown, rechecks, by_outcome: by };
  } finally {
    await c.end();
  }
}

/** The skipped-runs counter: the one this bench expects, else any kuzet_probe_*skipped*_total. */
function skippedMetricName(text: string): string | null {
  const names = metricNames(text);
  if (names.has(SKIPPED_METRIC)) return SKIPPED_METRIC;
  return [...names].find((n) => /^kuzet_probe_.*skipped.*_total$/.test(n)) ?? null;
}

async function runLevel(rate: number, ports: number[], target: ChildProcess, localPostgres: boolean): Promise<Level> {
  const checks = rate * INTERVAL_S;
  const level: Level = { demanded_per_second: rate, checks };
  const database = `kuzet_bench_pipeline_${Date.now()}_${rate}`;
  const catalogDir = mkdtempSync(join(tmpdir(), 'kuzet-bench-pipeline-catalog-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-bench-pipeline-data-'));
  let app: App | undefined;
  let pg: Client | undefined;
  let health: ReturnType<typeof startHealthProbe> | undefined;
  try {
    level.systems = writePipelineCatalog(catalogDir, { checks, checksPerSystem: CHECKS_PER_SYSTEM, intervalS: INTERVAL_S, ports });
    await createDatabase(database);
    app = startApp(await freePort(), database, catalogDir, dataDir);
    const running = app;
    const bootMs = await waitForOk(`${running.base}/api/health/ready`, BOOT_TIMEOUT_MS, running.proc);
    const assignMs = await waitFor(running, `${checks} checks assigned`, ASSIGN_TIMEOUT_MS, async () => (sumOf(await scrape(running), 'kuzet_probe_assigned_checks') ?? 0) >= checks);
    progress('level.started', { demanded_per_second: rate, app_pid: running.child.pid, checks, systems: level.systems, boot_ms: bootMs, assigned_after_ms: assignMs, warmup_s: WARMUP_S });
    for (let waited = 0; waited < WARMUP_S * 1000; waited += 1000) {
      assertAlive(running, 'during the warm-up');
      await sleep(Math.min(1000, WARMUP_S * 1000 - waited));
    }

    if (localPostgres) {
      pg = new Client({ connectionString: adminUrl() });
      await pg.connect();
    }
    let pgPids: number[] = pg ? await postgresPids(pg, database) : [];
    const appCpu = new CpuMeter(() => processTree(running.child.pid!));
    const pgCpu = new CpuMeter(() => pgPids);
    const targetCpu = new CpuMeter(() => processTree(target.pid!));
    const before = await scrape(running);
    const logBytesBefore = running.outputBytes();
    const from = new Date();
    appCpu.start();
    pgCpu.start();
    targetCpu.start();
    const appPid = running.child.pid!;
    const threadsAtStart = threadCpuSecondsOf(appPid);
    const machineAtStart = machineCpuTicks();
    const threadTimeline: ThreadsCpu[] = [];
    let threadsBefore = { at: Date.now(), cpu: threadsAtStart };
    health = startHealthProbe(running.base);
    let rssMax = 0;
    const end = from.getTime() + SECONDS * 1000;
    while (Date.now() < end) {
      await sleep(Math.min(1000, end - Date.now()));
      assertAlive(running, 'during the measured window');
      if (Date.now() - threadsBefore.at >= THREAD_TIMELINE_MS) {
        const now = { at: Date.now(), cpu: threadCpuSecondsOf(appPid) };
        threadTimeline.push(threadsCpu(appPid, threadsBefore.cpu, now.cpu, (now.at - threadsBefore.at) / 1000));
        threadsBefore = now;
      }
      const rss = processTree(running.child.pid!).reduce((sum, pid) => sum + (rssBytesOf(pid) ?? 0), 0);
      rssMax = Math.max(rssMax, rss);
      appCpu.sample();
      targetCpu.sample();
      if (pg) {
        pgCpu.sample();
        pgPids = await postgresPids(pg, database);
      }
    }
    const to = new Date();
    const healthDone = health.stop(); // no request after the window (the ones in flight are awaited below)
    const cpu = appCpu.stop();
    const machine = machineCpuShares(machineAtStart, machineCpuTicks());
    const threadsUsed = threadsCpu(appPid, threadsAtStart, threadCpuSecondsOf(appPid), (to.getTime() - from.getTime()) / 1000);
    const pgUsed = pg ? pgCpu.stop() : null;
    const targetUsed = targetCpu.stop();
    const after = await scrape(running);
    const logBytes = running.outputBytes() - logBytesBefore;
    const healthRuns = await healthDone;
    const seconds = (to.getTime() - from.getTime()) / 1000;

    const lagAfter = histogramBuckets(after, LAG_METRIC);
    const lag = lagAfter ? bucketDelta(histogramBuckets(before, LAG_METRIC), lagAfter) : null;
    const lagMs = (q: number) => {
      const v = lag ? bucketQuantile(lag, q) : null;
      return v === null ? null : round(v * 1000, 1);
    };
    const skippedName = skippedMetricName(after);
    const skipped = skippedName ? (sumOf(after, skippedName) ?? 0) - (sumOf(before, skippedName) ?? 0) : null;

    await sleep(SETTLE_S * 1000); // runs started near the window's end are stored by now
    assertAlive(running, 'after the measured window');
    const counted = await outcomeCounts(database, from, to);
    const planned = (checks * seconds) / INTERVAL_S;
    const healthSorted = [...healthRuns.durations].sort((a, b) => a - b);

    Object.assign(level, {
      seconds: round(seconds, 1),
      planned_runs: Math.round(planned),
      stored_per_second: round(counted.stored / seconds, 1),
      stored_share: round(counted.stored / planned, 4),
      unknown_share: counted.stored > 0 ? round(counted.unknown / counted.stored, 4) : 0,
      skipped_share: skipped !== null ? round(skipped / planned, 4) : round(Math.max(0, planned - counted.stored) / planned, 4),
      skipped_share_source:
        skipped !== null
          ? `metric ${skippedName} (increase over the window) / planned runs`
          : `derived: (planned runs - stored rows) / planned runs; the app exposes no ${SKIPPED_METRIC}`,
      lag_p50_ms: lagMs(0.5),
      lag_p99_ms: lagMs(0.99),
      health_p99_ms: healthSorted.length > 0 ? round(percentile(healthSorted, 99), 1) : null,
      rss_mb_max: Math.round(rssMax / 2 ** 20),
      cpu_pct: cpu.cpu_pct,
      machine_steal_pct: machine.steal_pct,
      machine_idle_pct: machine.idle_pct,
      postgres_cpu_pct: pgUsed ? pgUsed.cpu_pct : null,
      target_server_cpu_pct: targetUsed.cpu_pct,
    } satisfies Partial<Level>);
    const shutdown = await stopApp(running);
    level.details = {
      window: { from: from.toISOString(), to: to.toISOString() },
      stored_rows: counted.stored,
      recheck_rows: counted.rechecks,
      by_outcome: counted.by_outcome,
      skipped_runs: skipped,
      lag_observations: lag?.at(-1)?.count ?? 0,
      ...(lag ? {} : { lag_note: `${LAG_METRIC} is not in /metrics: no lag figures` }),
      lag_buckets_s: lag?.map((b) => ({ le: b.le === Infinity ? '+Inf' : b.le, count: b.count })) ?? null,
      health: { requests: healthRuns.durations.length, failures: healthRuns.failures, statuses: healthRuns.statuses, saying_overloaded: healthRuns.overloaded, p50_ms: healthSorted.length > 0 ? round(percentile(healthSorted, 50), 1) : null, max_ms: round(healthSorted.at(-1) ?? 0, 1) },
      app_cpu_seconds: cpu.cpu_seconds,
      app_threads_cpu_pct: threadsUsed,
      app_threads_cpu_pct_every_10s: threadTimeline.map((t) => [t.main, t.busiest_other]),
      main_thread: mainThreadStats(before, after),
      app_log_bytes_in_window: logBytes,
      boot_ms: bootMs,
      assigned_after_ms: assignMs,
      ...shutdown,
      sigterm_clean_within_10s: shutdown.sigterm_exit_ms !== null && shutdown.sigterm_exit_ms <= 10_000 && shutdown.exit_code === 0,
    };
    progress('level.done', { ...level, details: undefined });
    return level;
  } catch (error) {
    level.error = error instanceof Error ? error.message : String(error);
    progress('level.failed', { demanded_per_second: rate, error: level.error.split('\n')[0] });
    return level;
  } finally {
    await health?.stop(); // a no-op after the window; stops the requests when the level failed in it
    await pg?.end().catch(() => undefined);
    if (app) await stopApp(app);
    await dropDatabase(database).catch(() => undefined);
    rmSync(catalogDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The API's main thread over the window, from prom-client's default metrics, and the probe worker's heap (its own gauge). */
function mainThreadStats(before: string, after: string): Record<string, number | null> {
  const delta = (name: string) => {
    const a = sumOf(after, name);
    return a === null ? null : round(a - (sumOf(before, name) ?? 0), 2);
  };
  const ms = (name: string) => {
    const v = sumOf(after, name);
    return v === null ? null : round(v * 1000, 1);
  };
  const toMb = (v: number | null) => (v === null ? null : Math.round(v / 2 ** 20));
  const mb = (name: string) => toMb(sumOf(after, name));
  return {
    gc_seconds: delta('kuzet_nodejs_gc_duration_seconds_sum'),
    gc_count: delta('kuzet_nodejs_gc_duration_seconds_count'),
    event_loop_delay_p99_ms: ms('kuzet_nodejs_eventloop_lag_p99_seconds'),
    event_loop_delay_max_ms: ms('kuzet_nodejs_eventloop_lag_max_seconds'),
    heap_used_mb_at_end: mb('kuzet_nodejs_heap_size_used_bytes'),
    heap_total_mb_at_end: mb('kuzet_nodejs_heap_size_total_bytes'),
    external_mb_at_end: mb('kuzet_nodejs_external_memory_bytes'),
    probe_worker_heap_used_mb_at_end: toMb(valueWith(after, 'kuzet_probe_embedded_heap_bytes', 'kind="used"')),
    probe_worker_heap_total_mb_at_end: toMb(valueWith(after, 'kuzet_probe_embedded_heap_bytes', 'kind="total"')),
  };
}

/** How often the window's per-thread CPU is also sampled, for the timeline. */
const THREAD_TIMELINE_MS = 10_000;

/** CPU of the app's threads over an interval, percent of one core. */
interface ThreadsCpu {
  /** The main thread (thread id = process id). */
  main: number;
  /** The busiest other thread: the embedded probe agent's worker at these loads. */
  busiest_other: number;
  second_other: number;
  /** Every other thread together (GC helpers, libuv's pool, ...). */
  rest: number;
}

function threadsCpu(pid: number, before: Map<number, number>, after: Map<number, number>, seconds: number): ThreadsCpu {
  const pct = (cpuSeconds: number) => round((cpuSeconds / seconds) * 100, 1);
  const others: number[] = [];
  let main = 0;
  for (const [tid, cpu] of after) {
    const used = cpu - (before.get(tid) ?? cpu);
    if (tid === pid) main = used;
    else others.push(used);
  }
  others.sort((a, b) => b - a);
  const rest = others.slice(2).reduce((a, b) => a + b, 0);
  return { main: pct(main), busiest_other: pct(others[0] ?? 0), second_other: pct(others[1] ?? 0), rest: pct(rest) };
}

const holds = (l: Level) => !l.error && l.stored_share !== undefined && l.stored_share >= 0.999 && l.lag_p99_ms != null && l.lag_p99_ms < 1000;

/**
 * The next level of the capacity search: halfway (rounded to 100/s) between the highest level
 * held and the lowest level above it not held; null when they are SEARCH_RESOLUTION apart or
 * closer, or when no level held or every level held.
 */
function nextSearchLevel(levels: Level[]): number | null {
  const held = levels.filter(holds).map((l) => l.demanded_per_second);
  if (held.length === 0) return null;
  const top = Math.max(...held);
  const above = levels.filter((l) => !holds(l) && l.demanded_per_second > top).map((l) => l.demanded_per_second);
  if (above.length === 0) return null;
  const bottom = Math.min(...above);
  if (bottom - top <= SEARCH_RESOLUTION) return null;
  return Math.round((top + bottom) / 2 / 100) * 100;
}

/** Kuzet's highest sustainable rate, and which rule gave it. */
function sustainable(levels: Level[]): { rate: number | null; basis: string } {
  const ok = levels.filter((l) => !l.error && l.stored_share !== undefined);
  const held = ok.filter(holds);
  if (held.length > 0) {
    const best = held.reduce((a, b) => (b.demanded_per_second > a.demanded_per_second ? b : a));
    return { rate: best.stored_per_second!, basis: `stored_per_second of the highest level held (stored_share >= 0.999 and lag_p99_ms < 1000): ${best.demanded_per_second}/s` };
  }
  if (ok.length > 0) return { rate: Math.max(...ok.map((l) => l.stored_per_second!)), basis: 'no level held (stored_share >= 0.999 and lag_p99_ms < 1000): the highest stored_per_second of any level' };
  return { rate: null, basis: 'no level completed' };
}

function targetsMet(levels: Level[], ratio: number | null): Record<string, boolean | null> {
  const at = (rate: number) => levels.find((l) => l.demanded_per_second === rate && !l.error);
  const l2 = at(2000);
  const l4 = at(4000);
  const check = (l: Level | undefined, test: (l: Level) => boolean) => (l ? test(l) : null);
  return {
    at_2000_stored_share: check(l2, (l) => l.stored_share! >= TARGETS.at_2000.stored_share_min),
    at_2000_lag_p99_ms: check(l2, (l) => l.lag_p99_ms != null && l.lag_p99_ms < TARGETS.at_2000.lag_p99_ms_max),
    at_2000_health_p99_ms: check(l2, (l) => l.health_p99_ms != null && l.health_p99_ms < TARGETS.at_2000.health_p99_ms_max),
    at_2000_rss_mb_max: check(l2, (l) => l.rss_mb_max! < TARGETS.at_2000.rss_mb_max),
    at_4000_unknown_share: check(l4, (l) => l.unknown_share! < TARGETS.at_4000.unknown_share_max),
    at_4000_stored_per_second: l2 && l4 ? l4.stored_per_second! >= TARGETS.at_4000.stored_per_second_min_ratio_to_2000 * l2.stored_per_second! : null,
    ratio_to_blackbox_exporter: ratio === null ? null : ratio >= TARGETS.ratio_to_blackbox_exporter_min,
  };
}

async function main(): Promise<void> {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run through npm run bench (it builds first)`);
  const pgHost = new URL(adminUrl()).hostname;
  const localPostgres = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(pgHost);
  progress('start', { levels: LEVELS, seconds: SECONDS, warmup_s: WARMUP_S, interval_s: INTERVAL_S, target_ports: TARGET_PORTS, postgres_host: pgHost });
  const target = await startTargetServer(TARGET_PORTS);
  progress('target.ready', { ports: target.ports.length });
  try {
    const targetUrl = `http://127.0.0.1:${target.ports[0]}/`;
    let blackbox: BlackboxResult & { runs_probes_per_second?: (number | null)[] };
    const found = ensureBlackboxExporter(progress);
    if ('missing' in found) {
      blackbox = { probes_per_second: null, note: found.missing };
      progress('blackbox.unavailable', { reason: found.missing });
    } else {
      try {
        blackbox = await measureBlackbox(found.binary, targetUrl, BLACKBOX_CONNECTIONS, BLACKBOX_SECONDS, track);
        progress('blackbox.done', { ...blackbox });
      } catch (error) {
        const note = `blackbox_exporter could not be measured: ${error instanceof Error ? error.message : String(error)}`;
        blackbox = { probes_per_second: null, note };
        progress('blackbox.failed', { reason: note });
      }
    }

    const levels: Level[] = [];
    for (const rate of LEVELS) {
      if (target.child.exitCode !== null) throw new Error(`the target server exited (${target.child.exitCode})`);
      levels.push(await runLevel(rate, target.ports, target.child, localPostgres));
    }
    for (let searched = 0; searched < SEARCH_LEVELS; searched++) {
      const rate = nextSearchLevel(levels);
      if (rate === null) break;
      if (target.child.exitCode !== null) throw new Error(`the target server exited (${target.child.exitCode})`);
      progress('search', { demanded_per_second: rate });
      levels.push({ ...(await runLevel(rate, target.ports, target.child, localPostgres)), search: true });
    }
    // Measured again after the levels, the higher of the two counts: a slow first measurement
    // must not flatter the ratio.
    if (found && !('missing' in found) && blackbox.probes_per_second !== null) {
      try {
        const again = await measureBlackbox(found.binary, targetUrl, BLACKBOX_CONNECTIONS, BLACKBOX_SECONDS, track);
        progress('blackbox.again', { ...again });
        const first = blackbox.probes_per_second;
        const best = (again.probes_per_second ?? 0) > first ? again : blackbox;
        blackbox = { ...best, runs_probes_per_second: [first, again.probes_per_second] };
      } catch (error) {
        progress('blackbox.again_failed', { reason: error instanceof Error ? error.message : String(error) });
      }
    }

    const best = sustainable(levels);
    const ratio = best.rate !== null && blackbox.probes_per_second ? round(best.rate / blackbox.probes_per_second, 3) : null;
    const report = {
      benchmark: 'pipeline',
      at: new Date().toISOString(),
      levels,
      blackbox_exporter_probes_per_second: blackbox.probes_per_second,
      kuzet_sustainable_per_second: best.rate,
      kuzet_sustainable_basis: best.basis,
      ratio_to_blackbox_exporter: ratio,
      blackbox_exporter: { target: targetUrl, module: 'http_2xx', driver: `autocannon, ${BLACKBOX_CONNECTIONS} connections`, ...blackbox },
      targets: TARGETS,
      targets_met: targetsMet(levels, ratio),
      parameters: {
        levels: LEVELS,
        search_levels: SEARCH_LEVELS,
        search_resolution_per_second: SEARCH_RESOLUTION,
        window_s: SECONDS,
        warmup_s: WARMUP_S,
        settle_s: SETTLE_S,
        interval_s: INTERVAL_S,
        checks_per_system: CHECKS_PER_SYSTEM,
        target_ports: target.ports.length,
        health_every_ms: HEALTH_EVERY_MS,
        postgres: localPostgres ? `local server at ${pgHost}, a fresh database per level` : `remote server at ${pgHost} (no postgres_cpu_pct)`,
        app: `node ${NODE_FLAGS.join(' ')} dist/apps/api/src/main.js (as npm start), KUZET_DEMO=false, KUZET_LOG_LEVEL=warn, other settings at their defaults`,
      },
      method: {
        stored: 'rows of check_results whose time is in the window (rechecks left out: they are extra runs, details.recheck_rows), counted after a settle pause; planned runs = checks × window / interval, so on a short window stored_share can exceed 1 by a few runs at its edges',
        unknown_share: 'stored rows with outcome unknown / stored rows',
        sustainable: `a level is held when stored_share >= 0.999 and lag_p99_ms < 1000; after the given levels, up to ${SEARCH_LEVELS} search levels (search: true) halve the gap between the highest level held and the lowest not held, rounded to 100/s, until it is ${SEARCH_RESOLUTION}/s or less`,
        blackbox_exporter: `probes/s of blackbox_exporter driven by autocannon (${BLACKBOX_CONNECTIONS} connections, ${BLACKBOX_SECONDS} s), measured before and after the levels; the higher of the two is the baseline`,
        lag: `${LAG_METRIC} bucket counts at the window's end minus its start, quantiles interpolated within buckets (Prometheus histogram_quantile); bounded by the bucket edges`,
        health_p99_ms: `GET /api/health every ${HEALTH_EVERY_MS} ms from the bench process (each on its own; a failure counts with its elapsed time)`,
        rss_mb_max: 'the highest sum of VmRSS over the app process and its descendants, sampled every second',
        cpu_pct: 'user + system CPU of the app process tree over the window, percent of one core (/proc/<pid>/stat)',
        machine_steal_pct: "the machine's CPU time over the window that the hypervisor gave to other guests while this one had work (/proc/stat steal), percent of all its CPUs: a run with steal has less CPU than the machine's core count says; machine_idle_pct: idle and iowait",
        app_threads_cpu_pct: "details: the app process's threads over the window (/proc/<pid>/task/<tid>/stat), percent of one core: the main thread, the busiest other (the probe worker), the second, the rest; app_threads_cpu_pct_every_10s: [main, busiest other] per 10 s",
        postgres_cpu_pct: "the same for the PostgreSQL backends of the level's database plus the server's WAL writer, checkpointer and background writer (shared with other databases)",
        target_server_cpu_pct: 'the same for the target server process (one node:http process, not a cluster)',
      },
      machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/pipeline.json'), `${JSON.stringify(report, null, 2)}\n`);
    progress('done', {
      levels: levels.map((l) => ({ demanded: l.demanded_per_second, stored: l.stored_per_second, stored_share: l.stored_share, lag_p99_ms: l.lag_p99_ms, steal_pct: l.machine_steal_pct, error: l.error?.split('\n')[0] })),
      blackbox_exporter_probes_per_second: blackbox.probes_per_second,
      ratio_to_blackbox_exporter: ratio,
      targets_met: report.targets_met,
    });
  } finally {
    target.child.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
