// Fan-out benchmark (`npm run bench -- fanout`): writes bench/results/fanout.json.
// The whole API application (createApp: Fastify, the socket.io adapter, the real /public gateway
// and publisher) on a fresh database, listening on 127.0.0.1; FANOUT_CLIENTS (default 2,000)
// socket.io clients with the websocket transport, in a child process, on /public. Each round an
// incident change goes in through IncidentEvents (as IncidentsService emits it after a commit) and
// the latency from that emit to each client's receipt is recorded. The baseline is the same
// fan-out to one client, measured in the same run; ratio = p99 at N clients / p99 at 1 client.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createApp } from '../../../apps/api/src/bootstrap';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { IncidentEvents } from '../../../apps/api/src/incidents/incident-events.service';
import type { IncidentRecord } from '../../../apps/api/src/incidents/incident-record';
import { freePort } from '../../support/free-port';
import { percentile } from '../../support/percentile';
import { adminUrl, databaseUrl } from '../../setup/test-database';

const CLIENTS = Number(process.env.FANOUT_CLIENTS ?? 2000);
const ROUNDS = Number(process.env.FANOUT_ROUNDS ?? 30);
const BASELINE_ROUNDS = Number(process.env.FANOUT_BASELINE_ROUNDS ?? 30);
const WARMUP_ROUNDS = 3;
const PAUSE_MS = 200;
const TARGET_P99_MS = 500;
const ROOT = resolve(__dirname, '../../../..');

const progress = (event: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ event: `bench.fanout.${event}`, ...data }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wall = () => performance.timeOrigin + performance.now();
const round2 = (n: number) => Math.round(n * 100) / 100;

async function admin(sql: string, database = 'postgres'): Promise<void> {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  const c = new Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}


function summary(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    samples: s.length,
    p50_ms: round2(percentile(s, 50)),
    p95_ms: round2(percentile(s, 95)),
    p99_ms: round2(percentile(s, 99)),
    max_ms: round2(s[s.length - 1]),
  };
}

/** A client process and a typed way to wait for its next message of a kind. */
class Clients {
  private readonly child: ChildProcess;
  private waiting: { kind: string; resolve: (m: any) => void }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any

  constructor() {
    this.child = fork(join(__dirname, 'fanout-clients.js'), [], { stdio: 'inherit' });
    this.child.on('message', (m: { kind: string; error?: string }) => {
      if (m.kind === 'error') throw new Error(`client process: ${m.error}`);
      const i = this.waiting.findIndex((w) => w.kind === m.kind);
      if (i >= 0) this.waiting.splice(i, 1)[0].resolve(m);
    });
  }

  next<T>(kind: string, timeoutMs = 120_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${kind} from the client process`)), timeoutMs);
      this.waiting.push({ kind, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  send(m: object): void {
    this.child.send(m);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.send({ kind: 'stop' });
    await Promise.race([exited, sleep(10_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

function incident(systemId: number, agencyId: number, roundNo: number): IncidentRecord {
  const now = Date.now();
  return {
    id: roundNo, // the clients match receipts to rounds by id
    systemId,
    agencyId,
    kind: 'root',
    rootIncidentId: null,
    alertable: true,
    status: 'major_outage',
    severity: 'sev1',
    state: 'open',
    publicState: roundNo % 2 ? 'investigating' : 'identified',
    openedAt: now,
    acknowledgedAt: null,
    resolvedAt: null,
    recoveredAt: null,
    lastFailureAt: now,
    flapping: false,
    title: { kk: 'Шлюз істен шықты', ru: 'Шлюз недоступен', en: 'Gateway is down' },
    openKey: `bench-${roundNo}`,
    failureKind: 'outage',
    cause: null,
    confirmedAt: null,
    firstFailureAt: null,
  };
}

/** Runs rounds against one client process: emit, wait for every receipt, collect latencies. */
async function measure(
  label: string,
  clients: Clients,
  events: IncidentEvents,
  ids: { systemId: number; agencyId: number },
  firstRound: number,
  rounds: number,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let r = 0; r < WARMUP_ROUNDS + rounds; r++) {
    const roundNo = firstRound + r;
    clients.send({ kind: 'round', round: roundNo });
    await clients.next('armed');
    const received = clients.next<{ times: number[] }>('received');
    const emittedAt = wall();
    events.emit({ type: 'updated', incident: incident(ids.systemId, ids.agencyId, roundNo) });
    const { times } = await received;
    if (r >= WARMUP_ROUNDS) for (const t of times) latencies.push(t - emittedAt);
    if (r === WARMUP_ROUNDS + rounds - 1 || (r >= WARMUP_ROUNDS && (r - WARMUP_ROUNDS) % 10 === 0)) {
      const s = summary(times.map((t) => t - emittedAt));
      progress('round', {
        phase: label,
        round: r - WARMUP_ROUNDS + 1,
        of: rounds,
        p50_ms: s.p50_ms,
        p99_ms: s.p99_ms,
      });
    }
    await sleep(PAUSE_MS);
  }
  return latencies;
}

async function main(): Promise<void> {
  const fdLimit = await readFdLimit();
  progress('start', { clients: CLIENTS, rounds: ROUNDS, fd_limit: fdLimit });
  if (fdLimit !== null && fdLimit < 2 * CLIENTS + 200)
    throw new Error(
      `open-file limit ${fdLimit} is too low for ${CLIENTS} clients: raise it (ulimit -n ${2 * CLIENTS + 1000})`,
    );
  const database = `kuzet_bench_fanout_${Date.now()}`;
  await admin(`CREATE DATABASE ${database}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'kuzet-bench-fanout-'));
  const port = await freePort();
  const config = loadAppConfig(
    {},
    {
      DATABASE_URL: databaseUrl(database),
      PORT: String(port),
      HOST: '127.0.0.1',
      KUZET_DATA_DIR: dataDir,
      KUZET_DEMO: 'false',
      KUZET_EMBEDDED_AGENT: 'false',
      KUZET_CATALOG_WATCH: 'false',
      KUZET_LOG_LEVEL: 'warn',
    },
  );
  const app = await createApp(config);
  const clientProcs: Clients[] = [];
  try {
    await app.listen(port, '127.0.0.1');
    const c = new Client({ connectionString: config.databaseUrl });
    await c.connect();
    const agencyId = Number(
      (
        await c.query(
          `INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ('nit', 'n', 'n', 'n') RETURNING id`,
        )
      ).rows[0].id,
    );
    const systemId = Number(
      (
        await c.query(
          `INSERT INTO systems (agency_id, code, tier, is_public, name_kk, name_ru, name_en)
           VALUES ($1, 'gateway', 'critical', true, 'g', 'g', 'g') RETURNING id`,
          [agencyId],
        )
      ).rows[0].id,
    );
    await c.end();
    const events = app.get(IncidentEvents);
    const url = `http://127.0.0.1:${port}/public`;
    const ids = { systemId, agencyId };

    // Baseline: the same path to one client.
    const one = new Clients();
    clientProcs.push(one);
    one.send({ kind: 'start', url, clients: 1 });
    await one.next('ready');
    progress('baseline.ready', { clients: 1 });
    const baseline = summary(await measure('baseline', one, events, ids, 1, BASELINE_ROUNDS));
    await one.stop();

    const many = new Clients();
    clientProcs.push(many);
    many.send({ kind: 'start', url, clients: CLIENTS });
    const ready = await many.next<{ clients: number; connect_ms: number }>('ready', 300_000);
    progress('fanout.ready', { clients: ready.clients, connect_ms: ready.connect_ms });
    const fanout = summary(await measure('fanout', many, events, ids, 10_000, ROUNDS));
    const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    await many.stop();

    const report = {
      name: 'fanout',
      at: new Date().toISOString(),
      clients: CLIENTS,
      rounds: ROUNDS,
      delivery_p50_ms: fanout.p50_ms,
      delivery_p95_ms: fanout.p95_ms,
      delivery_p99_ms: fanout.p99_ms,
      delivery_max_ms: fanout.max_ms,
      samples: fanout.samples,
      connect_all_ms: ready.connect_ms,
      server_rss_mb: rssMb,
      baseline: { clients: 1, rounds: BASELINE_ROUNDS, ...baseline },
      ratio_p99_vs_baseline: round2(fanout.p99_ms / baseline.p99_ms),
      ratio_p50_vs_baseline: round2(fanout.p50_ms / baseline.p50_ms),
      target: { delivery_p99_ms: TARGET_P99_MS, met: fanout.p99_ms < TARGET_P99_MS },
      method:
        'whole API app (createApp, Fastify + socket.io adapter) on loopback; clients = socket.io-client, websocket transport, all in one child process, on /public; ' +
        'each round one incident change is emitted through IncidentEvents (as IncidentsService does after a commit) and goes through the real publisher ' +
        '(catalog lookup, public projection, sequence number, replay buffer, one namespace broadcast); latency = client receipt minus emit, wall clock ' +
        `(performance.timeOrigin + now) of the same machine; ${WARMUP_ROUNDS} warm-up rounds dropped, ${PAUSE_MS} ms between rounds; ` +
        'baseline = the same path to 1 client in the same run; the client process shares the 2 cores with the server, so its own work is in the figures',
      fd_limit: fdLimit,
      machine: {
        cpu: cpus()[0]?.model,
        cores: cpus().length,
        memory_gb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/fanout.json'), `${JSON.stringify(report, null, 2)}\n`);
    progress('done', report);
  } finally {
    for (const p of clientProcs) await p.stop().catch(() => undefined);
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  }
}

/** The soft open-file limit of this process (Linux), or null when it cannot be read. */
async function readFdLimit(): Promise<number | null> {
  try {
    const { readFileSync } = await import('node:fs');
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
