import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDedicatedDatabase, openDataSource } from '../integration/ingest/support/ingest-harness';
import { freePort } from '../support/free-port';
import { KuzetProcess, startKuzet, waitForOk } from '../support/kuzet-process';

const HOSTS = 4;
const CHECKS_PER_HOST = 150;

/** TCP servers that accept connections and never answer: every run waits for its whole timeout. */
async function silentServers(n: number): Promise<{ ports: number[]; close: () => Promise<void> }> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  for (let i = 0; i < n; i++) {
    const server = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
  }
  return {
    ports: servers.map((s) => (s.address() as { port: number }).port),
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}

function catalog(ports: number[]): string {
  const systems = ports.flatMap((port, h) =>
    Array.from({ length: CHECKS_PER_HOST }, (_, i) => `
  - code: s${h}-${i}
    agency: ov
    name: { kk: S, ru: S, en: S }
    tier: normal
    checks:
      - { code: http, kind: http, target: 'http://127.0.0.1:${port}/${i}', interval: 1s, timeout: 900ms }`),
  );
  return `agencies:\n  - code: ov\n    name: { kk: O, ru: O, en: O }\nsystems:${systems.join('')}\n`;
}

type LogLine = { msg?: string; event?: string; time?: number; [k: string]: unknown };
const lines = (out: string): LogLine[] =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => {
      try {
        return JSON.parse(l) as LogLine;
      } catch {
        return {};
      }
    });

/**
 * The built app, its embedded agent in a worker thread, overloaded: 600 checks a second against
 * targets that never answer, 6 runs at a time per host, so most runs cannot start in time. They are
 * skipped (never stored as unknown), logged as one line per interval, /api/health says "probe
 * overloaded" while readiness stays up, and SIGTERM runs the whole shutdown sequence.
 */
describe('probe overload and shutdown (built app, worker thread)', () => {
  const catalogDir = mkdtempSync(join(tmpdir(), 'kuzet-overload-'));
  let db: Awaited<ReturnType<typeof createDedicatedDatabase>>;
  let ds: DataSource;
  let targets: Awaited<ReturnType<typeof silentServers>>;
  let app: KuzetProcess | undefined;

  beforeAll(async () => {
    targets = await silentServers(HOSTS);
    writeFileSync(join(catalogDir, 'catalog.yaml'), catalog(targets.ports));
    db = await createDedicatedDatabase();
    ds = await openDataSource(db.url);
  });

  afterAll(async () => {
    await app?.stop(10_000);
    await ds?.destroy();
    await db?.drop();
    await targets?.close();
    rmSync(catalogDir, { recursive: true, force: true });
  });

  it('sheds runs visibly, says "probe overloaded", stores no unknown, and shuts down in order on SIGTERM', async () => {
    app = startKuzet(
      {
        DATABASE_URL: db.url,
        KUZET_CATALOG_DIR: catalogDir,
        KUZET_CATALOG_WATCH: 'false',
        KUZET_DEMO: 'false',
        KUZET_MIN_INTERVAL_S: '1',
        KUZET_PROBE_ALLOW: '127.0.0.0/8',
        KUZET_RECHECK_DELAY_MS: '0',
        KUZET_LOG_LEVEL: 'info',
      },
      await freePort(),
    );
    const base = app.baseUrl;
    await waitForOk(`${base}/api/health/ready`, 90_000, app);

    let health: { probe_agent?: { problem: string | null; mode: string; skipped_share: number } } = {};
    const deadline = Date.now() + 60_000;
    while (health.probe_agent?.problem !== 'probe overloaded' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      health = (await (await fetch(`${base}/api/health`)).json()) as typeof health;
    }
    expect(health.probe_agent).toMatchObject({ problem: 'probe overloaded', mode: 'worker' });
    expect(health.probe_agent?.skipped_share).toBeGreaterThan(0.01);
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    // Queued runs that could not start in time: expired in the host queue, or their next slot came
    // while they still waited (overlap); which one depends on the machine's speed.
    expect(metrics).toMatch(/kuzet_probe_runs_skipped_total\{reason="(expired|overlap)"[^}]*\} [1-9]/);

    const stoppedAt = Date.now();
    const code = await app.stop(60_000);
    const shutdownMs = Date.now() - stoppedAt;
    expect(code).toBe(0);

    // Overload is skipped, not stored: the runs that started timed out (Down), none is Unknown.
    const outcomes = await ds.query<{ outcome: number; n: string }[]>('SELECT outcome, count(*) AS n FROM check_results GROUP BY outcome');
    expect(outcomes.find((o) => Number(o.outcome) === 3)).toBeUndefined();

    const log = lines(app.output());
    // One aggregated line per 10 s, not one per skipped run (thousands were skipped).
    const skipLines = log.filter((l) => l.event === 'agent.runs_skipped');
    expect(skipLines.length).toBeGreaterThan(0);
    const first = log.find((l) => l.event === 'embedded_agent.started')!;
    const spanS = (log[log.length - 1].time! - first.time!) / 1000;
    expect(skipLines.length).toBeLessThanOrEqual(Math.ceil(spanS / 10) + 1);
    expect(skipLines.reduce((n, l) => n + (l.total as number), 0)).toBeGreaterThan(skipLines.length * 10);

    // The shutdown sequence: the agent's runs stopped and its results flushed before ingest drains.
    const at = (pred: (l: LogLine) => boolean) => log.findIndex(pred);
    const stopping = at((l) => l.msg === 'kuzet stopping');
    const agentStopped = at((l) => l.event === 'embedded_agent.stopped');
    const ingestStopped = at((l) => typeof l.msg === 'string' && l.msg.startsWith('ingest stopped'));
    expect(stopping).toBeGreaterThan(-1);
    expect(agentStopped).toBeGreaterThan(stopping);
    expect(ingestStopped).toBeGreaterThan(agentStopped);
    expect(log.some((l) => l.event === 'embedded_agent.stop_timeout')).toBe(false);
    // Functional bound only (a loaded CI machine): the target is 10 s.
    expect(shutdownMs).toBeLessThan(60_000);
  });
});
