import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parse, stringify } from 'yaml';
import { startSimulator, SimulatorHandle } from '@kuzet/simulator';
import { createDatabase, databaseUrl, dropDatabase } from '../../setup/test-database';
import { freePort } from '../../support/free-port';
import { KuzetProcess, startKuzet, waitForOk } from '../../support/kuzet-process';
import { login, SignedIn } from '../../support/auth-helpers';
import type { IncidentCause } from '@kuzet/contracts';

/** The first admin of the scenario app (KUZET_ADMIN_EMAIL/PASSWORD); REST reads sign in as it. */
export const SCENARIO_ADMIN = { email: 'admin@scenario.kuzet', password: 'scenario-admin-password' };

export interface IncidentView {
  id: number;
  system: string;
  agency: string;
  kind: 'root' | 'symptom';
  root_incident_id: number | null;
  alertable: boolean;
  status: string;
  state: 'open' | 'acknowledged' | 'resolved';
  opened_at: string;
  resolved_at: string | null;
  recovered_at: string | null;
  flapping: boolean;
  severity: 'sev1' | 'sev2' | 'sev3' | 'sev4';
  failure_kind: 'outage' | 'degraded' | 'flapping';
  phase: 'failing' | 'recovering' | 'resolved';
  cause: IncidentCause | null;
}

export interface SystemStatusView {
  system: string;
  agency: string;
  status: string | null;
  flapping: boolean;
}

interface CatalogCheckYaml {
  code: string;
  interval?: string;
  timeout?: string;
  thresholds?: Record<string, number>;
  [k: string]: unknown;
}
interface CatalogSystemYaml {
  code: string;
  checks: CatalogCheckYaml[];
  [k: string]: unknown;
}

/** A scenario's world: its own database, a simulator of a few systems at 1 s checks, the built app. */
export class ScenarioEnv {
  readonly tmp = mkdtempSync(join(tmpdir(), 'kuzet-scenario-'));
  readonly catalogDir = join(this.tmp, 'catalog');
  readonly database = `kuzet_scn_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  sim: SimulatorHandle | undefined;
  app: KuzetProcess | undefined;
  port = 0;
  /** The admin's session (signed in by startApp). */
  private session: SignedIn | undefined;
  private dbCreated = false;

  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async startSimulator(systems: string[], intervalS = 1): Promise<SimulatorHandle> {
    mkdirSync(this.catalogDir, { recursive: true });
    this.sim = await startSimulator({
      controlPort: 0,
      catalogDir: this.catalogDir,
      intervalS,
      systems,
      logger: pino({ level: 'silent' }),
    });
    return this.sim;
  }

  /** Rewrites the systems of the generated catalog (call before startApp). */
  patchSystem(code: string, patch: (system: CatalogSystemYaml) => void): void {
    const agency = this.sim!.systems.find((s) => s.code === code)!.agency;
    const file = join(this.catalogDir, 'systems', `${agency}.yaml`);
    const doc = parse(readFileSync(file, 'utf8')) as { systems: CatalogSystemYaml[] };
    const system = doc.systems.find((s) => s.code === code);
    if (!system) throw new Error(`${code} not in ${file}`);
    patch(system);
    writeFileSync(file, stringify(doc));
  }

  writeCatalogFile(name: string, content: unknown): void {
    writeFileSync(join(this.catalogDir, name), stringify(content));
  }

  async startApp(): Promise<void> {
    if (!this.dbCreated) {
      await createDatabase(this.database);
      this.dbCreated = true;
    }
    if (!this.port) this.port = await freePort();
    this.app = startKuzet(
      {
        DATABASE_URL: databaseUrl(this.database),
        KUZET_DATA_DIR: join(this.tmp, 'data'),
        KUZET_DEMO: 'false',
        KUZET_CATALOG_DIR: this.catalogDir,
        KUZET_MIN_INTERVAL_S: '1',
        KUZET_PROBE_ALLOW: '127.0.0.0/8',
        KUZET_INCIDENT_COOLDOWN_S: '3',
        KUZET_INCIDENT_SWEEP_S: '1',
        KUZET_SIMULATOR_CONTROL_PORT: String(await freePort()),
        KUZET_LOG_LEVEL: process.env.SCENARIO_LOG ?? 'info',
        KUZET_ADMIN_EMAIL: SCENARIO_ADMIN.email,
        KUZET_ADMIN_PASSWORD: SCENARIO_ADMIN.password,
        ...this.extraEnv,
      },
      this.port,
    );
    await waitForOk(`${this.baseUrl}/api/health`, 60_000, this.app);
    this.session = await login(this.baseUrl, SCENARIO_ADMIN.email, SCENARIO_ADMIN.password);
  }

  /** kill -9: no shutdown hooks, whatever is in flight is lost. */
  async crashApp(): Promise<void> {
    const child = this.app!.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async close(): Promise<void> {
    const errors: unknown[] = [];
    const step = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (err) {
        errors.push(err);
      }
    };
    if (this.app) await step(() => this.app!.stop(10_000));
    if (this.sim) await step(() => this.sim!.stop());
    if (this.dbCreated) await step(() => dropDatabase(this.database));
    rmSync(this.tmp, { recursive: true, force: true });
    if (errors.length > 0) throw errors[0];
  }

  /** The app's log tail without the per-request lines, for failure messages. */
  logTail(chars = 6000): string {
    return (this.app?.output() ?? '').split('\n').filter((l) => !l.includes('request completed') && !l.includes('incoming request')).join('\n').slice(-chars);
  }

  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, { signal: AbortSignal.timeout(5_000), headers: this.session?.headers });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async incidents(system?: string): Promise<IncidentView[]> {
    const q = system ? `?limit=200&system=${system}` : '?limit=200';
    return (await this.get<{ items: IncidentView[] }>(`/api/incidents${q}`)).items;
  }

  async statuses(): Promise<Map<string, SystemStatusView>> {
    const rows = await this.get<SystemStatusView[]>('/api/status/systems');
    return new Map(rows.map((r) => [r.system, r]));
  }

  /** Polls probe() until it returns a value (not undefined); throws with the last error and the app's log. */
  waitFor<T>(label: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
    return pollUntil(label, timeoutMs, probe, () => `--- app log tail ---\n${this.logTail()}`);
  }

  /** Waits until every given system has the given status. */
  waitForStatus(systems: string[], status: string, timeoutMs: number): Promise<Map<string, SystemStatusView>> {
    return this.waitFor(`${systems.join(',')} ${status}`, timeoutMs, async () => {
      const s = await this.statuses();
      return systems.every((c) => s.get(c)?.status === status) ? s : undefined;
    });
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls probe() every 250 ms until it returns a value (not undefined); on timeout throws with the
 * last error and what `context` says (the app's or the nodes' log tails).
 */
export async function pollUntil<T>(label: string, timeoutMs: number, probe: () => Promise<T | undefined>, context: () => string): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}${last ? ` (last error: ${String(last)})` : ''}\n${context()}`);
}

/** YYYY-MM-DDTHH:MM in Asia/Almaty (UTC+5, no DST since 2024). */
export function almatyLocal(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const p = (t: string) => parts.find((x) => x.type === t)!.value;
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}
