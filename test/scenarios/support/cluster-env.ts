import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { parse, stringify } from 'yaml';
import { BOARD_NAMESPACE } from '@kuzet/contracts';
import { createDatabase, databaseUrl, dropDatabase } from '../../setup/test-database';
import { login, SignedIn } from '../../support/auth-helpers';
import { freePort } from '../../support/free-port';
import { KuzetProcess, REPO_ROOT, startKuzet, waitForOk } from '../../support/kuzet-process';
import { pollUntil, SCENARIO_ADMIN, ScenarioEnv } from './scenario-env';

const run = promisify(execFile);
const PROBE_ENTRY = join(REPO_ROOT, 'dist/apps/probe/src/main.js');
/** Real Redis of these machines (socket.io fan-out between the nodes). */
export const REDIS_URL = 'redis://127.0.0.1:6379';
export const WEBHOOK_SECRET = `whsec_${Buffer.from('kuzet-cluster-scenario-secret!!').toString('base64')}`;

export interface ClusterNode {
  name: string;
  port: number;
  app: KuzetProcess;
  baseUrl: string;
}

export interface AgentProcess {
  id: string;
  region: string;
  child: ChildProcess;
  output: () => string;
}

/** One board event as a socket client received it. */
export interface BoardEventSeen {
  type: string;
  at: number;
  data: { id?: number; system?: string; state?: string };
}

/**
 * Several API nodes (the built app, child processes) on one database and one Redis, remote probe
 * agents as child processes (apps/probe), the simulator's fleet (the catalog folder is shared by
 * the nodes, as a deployment mounts one), and a webhook contact on every agency.
 */
export class ClusterEnv {
  readonly scn = new ScenarioEnv();
  readonly database = `kuzet_cls_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  readonly redisKey = `kuzet.cluster-test.${process.pid}.${Date.now()}`;
  readonly nodes = new Map<string, ClusterNode>();
  readonly agents = new Map<string, AgentProcess>();
  private readonly sockets: Socket[] = [];
  private pg: Client | undefined;
  private dbCreated = false;
  session: SignedIn | undefined;

  get tmp(): string {
    return this.scn.tmp;
  }

  async createDatabase(): Promise<void> {
    await createDatabase(this.database);
    this.dbCreated = true;
  }

  /** Adds the webhook contact to every agency of the generated catalog (call before the nodes start). */
  addWebhookContact(url: string): void {
    const file = join(this.scn.catalogDir, 'agencies.yaml');
    const doc = parse(readFileSync(file, 'utf8')) as {
      agencies: { contacts?: unknown[]; notifications?: unknown }[];
    };
    for (const a of doc.agencies) {
      a.contacts = [...(a.contacts ?? []), { kind: 'webhook', url }];
      // no grouping delay: each change goes out at the notifier's next tick
      a.notifications = { group_wait: 0, group_interval: 0 };
    }
    writeFileSync(file, stringify(doc));
  }

  async startNode(name: string, extraEnv: Record<string, string> = {}): Promise<ClusterNode> {
    const port = await freePort();
    const app = startKuzet(
      {
        DATABASE_URL: databaseUrl(this.database),
        REDIS_URL,
        KUZET_REDIS_KEY: this.redisKey,
        KUZET_DATA_DIR: join(this.tmp, `node-${name}`),
        KUZET_DEMO: 'false',
        KUZET_CATALOG_DIR: this.scn.catalogDir,
        KUZET_CATALOG_WATCH: 'false',
        KUZET_EMBEDDED_AGENT: 'false',
        KUZET_MIN_INTERVAL_S: '1',
        KUZET_PROBE_ALLOW: '127.0.0.0/8',
        KUZET_INCIDENT_COOLDOWN_S: '3',
        KUZET_INCIDENT_SWEEP_S: '1',
        KUZET_WEBHOOK_SECRETS: WEBHOOK_SECRET,
        KUZET_SIMULATOR_CONTROL_PORT: String(await freePort()),
        KUZET_LOG_LEVEL: process.env.SCENARIO_LOG ?? 'info',
        KUZET_ADMIN_EMAIL: SCENARIO_ADMIN.email,
        KUZET_ADMIN_PASSWORD: SCENARIO_ADMIN.password,
        ...extraEnv,
      },
      port,
    );
    const node = { name, port, app, baseUrl: `http://127.0.0.1:${port}` };
    this.nodes.set(name, node);
    await waitForOk(`${node.baseUrl}/api/health`, 90_000, app);
    this.session ??= await login(node.baseUrl, SCENARIO_ADMIN.email, SCENARIO_ADMIN.password);
    return node;
  }

  /** kill -9: no shutdown hooks; its lock session and connections just die. */
  async crashNode(name: string): Promise<void> {
    const child = this.nodes.get(name)!.app.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** Whether the node's /metrics says it leads (kuzet_leader 1). */
  async leads(name: string): Promise<boolean> {
    const res = await fetch(`${this.nodes.get(name)!.baseUrl}/metrics`, {
      signal: AbortSignal.timeout(5_000),
    });
    return /^kuzet_leader\{[^}]*\} 1$/m.test(await res.text());
  }

  async createToken(region: string): Promise<string> {
    const { stdout } = await run(
      process.execPath,
      [join(REPO_ROOT, 'scripts/kuzet.js'), 'probe-token', 'create', '--region', region],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATABASE_URL: databaseUrl(this.database),
          KUZET_DATA_DIR: join(this.tmp, 'cli'),
        },
        timeout: 30_000,
      },
    );
    const token = stdout.trim().split('\n').pop()!.trim();
    if (!token || token.includes(' ')) throw new Error(`no token in CLI output: ${stdout}`);
    return token;
  }

  /** A remote probe agent: `node dist/apps/probe/src/main.js`, configured by environment. */
  startAgent(id: string, region: string, apiUrl: string, token: string): AgentProcess {
    const dataDir = join(this.tmp, `agent-${id}`);
    mkdirSync(dataDir, { recursive: true });
    const child = spawn(process.execPath, [PROBE_ENTRY], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        KUZET_API_URL: apiUrl,
        KUZET_PROBE_TOKEN: token,
        KUZET_PROBE_REGION: region,
        KUZET_PROBE_ID: id,
        KUZET_DATA_DIR: dataDir,
        KUZET_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const keep = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.length > 1_000_000) log = log.slice(-500_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const agent = { id, region, child, output: () => log };
    this.agents.set(id, agent);
    return agent;
  }

  async killAgent(id: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.agents.get(id)!.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    const force = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.kill(signal);
    await exited;
    clearTimeout(force);
  }

  async sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
    if (!this.pg) {
      this.pg = new Client({ connectionString: databaseUrl(this.database) });
      await this.pg.connect();
    }
    return (await this.pg.query(text, params)).rows as T[];
  }

  async get<T>(node: string, path: string): Promise<T> {
    const res = await fetch(`${this.nodes.get(node)!.baseUrl}${path}`, {
      signal: AbortSignal.timeout(5_000),
      headers: this.session?.headers,
    });
    if (!res.ok) throw new Error(`GET ${path} on ${node}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** A signed-in /board socket.io client on one node, recording every incident event. */
  async boardClient(node: string): Promise<BoardEventSeen[]> {
    const seen: BoardEventSeen[] = [];
    const socket = io(`${this.nodes.get(node)!.baseUrl}${BOARD_NAMESPACE}`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
      extraHeaders: { cookie: this.session!.cookie },
    });
    this.sockets.push(socket);
    for (const type of ['incident.opened', 'incident.updated', 'incident.resolved', 'system.status'])
      socket.on(type, (event: { data: BoardEventSeen['data'] }) =>
        seen.push({ type, at: Date.now(), data: event.data }),
      );
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
      socket.connect();
    });
    return seen;
  }

  /** Polls probe() until it returns a value; throws with the last error and the nodes' log tails. */
  waitFor<T>(label: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
    return pollUntil(label, timeoutMs, probe, () => this.logTails());
  }

  logTails(chars = 3000): string {
    const quiet = (s: string) =>
      s
        .split('\n')
        .filter((l) => !l.includes('request completed') && !l.includes('incoming request'))
        .join('\n')
        .slice(-chars);
    return [...this.nodes.values()].map((n) => `--- node ${n.name} ---\n${quiet(n.app.output())}`).join('\n');
  }

  /** The largest gap (seconds) between consecutive results of each (check, region) planned in [from, to]. */
  async gaps(
    from: Date,
    to: Date,
  ): Promise<{ check_id: number; region: string; rows: number; max_gap_s: number }[]> {
    return this.sql(
      `SELECT check_id, region, count(*)::int AS rows, COALESCE(max(gap), 0)::float AS max_gap_s FROM (
         SELECT check_id, region, extract(epoch FROM time - lag(time) OVER (PARTITION BY check_id, region ORDER BY time)) AS gap
           FROM check_results WHERE time BETWEEN $1 AND $2) g
        GROUP BY check_id, region ORDER BY max_gap_s DESC`,
      [from, to],
    );
  }

  async close(): Promise<void> {
    // CLUSTER_LOG_DIR=dir keeps every node's and agent's log there (debugging a failure)
    const dir = process.env.CLUSTER_LOG_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      for (const n of this.nodes.values()) writeFileSync(join(dir, `node-${n.name}.log`), n.app.output());
      for (const a of this.agents.values()) writeFileSync(join(dir, `agent-${a.id}.log`), a.output());
    }
    for (const s of this.sockets) s.disconnect();
    await Promise.allSettled([...this.agents.keys()].map((id) => this.killAgent(id, 'SIGTERM')));
    await Promise.allSettled([...this.nodes.values()].map((n) => n.app.stop(15_000)));
    await this.pg?.end().catch(() => undefined);
    await this.scn.close().catch(() => undefined);
    if (this.dbCreated) await dropDatabase(this.database);
  }
}
