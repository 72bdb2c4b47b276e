import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { EmbeddedPostgresError } from './database.errors';
import type { DbLogger } from './db-logger';
import { EmbeddedPostgresBinaries, resolveEmbeddedPostgresBinaries } from './embedded-postgres-binaries';
import { ensureOwnedBy, ensureReachableBy, resolveServerAccount, ServerAccount } from './postgres-os-user';
import { reachableBinaries } from './reachable-binaries';

export interface EmbeddedPostgresOptions {
  /** Folder of the embedded server: `data/` (PGDATA) and `superuser.password` live here. */
  baseDir: string;
  /** TCP port, bound on 127.0.0.1 only. */
  port: number;
  /** Database created on first start and named in the URL. */
  database?: string;
  logger?: DbLogger;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Where initdb and postgres are; default: the installed @embedded-postgres platform package. */
  binaries?: EmbeddedPostgresBinaries;
}

export interface EmbeddedPostgresStart {
  url: string;
  /** True when this start ran initdb (a fresh cluster). */
  initialised: boolean;
  serverVersion: string;
  durationMs: number;
}

const SUPERUSER = 'postgres';

/**
 * Runs PostgreSQL from the binaries of the `embedded-postgres` package under a data folder.
 * First start: initdb (scram-sha-256, generated superuser password kept next to PGDATA);
 * later starts reuse the cluster. Listens on 127.0.0.1 only, no Unix socket. As root the
 * server runs as the `postgres` system account, which owns the files.
 *
 * Usable without Nest: `const pg = new EmbeddedPostgresService({ baseDir, port });
 * const { url } = await pg.start(); ...; await pg.stop();`. In the app, DatabaseModule
 * builds it from AppConfig and stops it after the DataSource has closed.
 */
@Injectable()
export class EmbeddedPostgresService {
  private readonly log: DbLogger;
  private readonly database: string;
  private readonly dataDir: string;
  private readonly passwordFile: string;
  private readonly ownerFile: string;
  private child: ChildProcess | undefined;
  private started: EmbeddedPostgresStart | undefined;
  private readonly recentOutput: string[] = [];
  private readonly killOnExit = (): void => {
    // Last resort when the process exits without Nest shutdown (uncaught error, process.exit).
    if (this.child && this.child.exitCode === null) this.child.kill('SIGINT');
  };

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.log = options.logger ?? new Logger('EmbeddedPostgres');
    this.database = options.database ?? 'kuzet';
    this.dataDir = path.join(path.resolve(options.baseDir), 'data');
    this.passwordFile = path.join(path.resolve(options.baseDir), 'superuser.password');
    this.ownerFile = path.join(path.resolve(options.baseDir), 'kuzet.pid');
  }

  get isRunning(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts (initialising on first use) and returns the URL of the `kuzet` database. Idempotent. */
  async start(): Promise<EmbeddedPostgresStart> {
    if (this.started && this.isRunning) return this.started;
    const t0 = Date.now();
    let binaries = this.options.binaries ?? resolveEmbeddedPostgresBinaries();
    const account = await resolveServerAccount(this.log);
    await fs.mkdir(this.options.baseDir, { recursive: true, mode: 0o755 });
    if (account) {
      await fs.chmod(this.options.baseDir, 0o755);
      await ensureReachableBy(
        this.dataDir,
        account,
        path.dirname(path.resolve(this.options.baseDir)),
        this.log,
      );
      binaries = await reachableBinaries(binaries, account, this.options.baseDir, this.log);
    }
    const initialised = !existsSync(path.join(this.dataDir, 'PG_VERSION'));
    if (initialised) await this.initdb(binaries.initdb, account);
    else if (account && (await ensureOwnedBy(this.dataDir, account))) {
      this.log.warn(`embedded postgres: gave ${this.dataDir} back to user ${account.name}`);
    }
    await this.refuseIfAlreadyRunning();
    await fs.writeFile(this.ownerFile, `${process.pid}\n`);
    const password = (await fs.readFile(this.passwordFile, 'utf8')).trim();
    this.spawnServer(binaries.postgres, account);
    const serverVersion = await this.waitUntilReady(password);
    await this.ensureDatabase(password);
    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}/${this.database}`;
    this.started = { url, initialised, serverVersion, durationMs: Date.now() - t0 };
    this.log.log(
      `embedded postgres ${serverVersion} ready on 127.0.0.1:${this.options.port} ` +
        `(${initialised ? 'new cluster' : 'existing cluster'} in ${this.dataDir}) in ${this.started.durationMs}ms`,
    );
    return this.started;
  }

  /** Fast shutdown (SIGINT: disconnect clients, checkpoint); escalates if the server hangs. */
  async stop(): Promise<void> {
    const child = this.child;
    this.started = undefined;
    if (!child) return;
    process.removeListener('exit', this.killOnExit);
    const t0 = Date.now();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT');
      if (!(await settlesWithin(exited, this.options.stopTimeoutMs ?? 30_000))) {
        this.log.warn('embedded postgres: no exit after SIGINT, sending SIGQUIT');
        child.kill('SIGQUIT');
        if (!(await settlesWithin(exited, 5_000))) child.kill('SIGKILL');
        await exited;
      }
    }
    this.child = undefined;
    this.log.log(`embedded postgres stopped in ${Date.now() - t0}ms`);
  }

  private async initdb(initdbBin: string, account: ServerAccount | undefined): Promise<void> {
    const t0 = Date.now();
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    if (account) await fs.chown(this.dataDir, account.uid, account.gid);
    const password = randomBytes(24).toString('base64url');
    await fs.writeFile(this.passwordFile, `${password}\n`, { mode: 0o600 });
    const pwfile = path.join(this.options.baseDir, `.initdb-pw-${randomBytes(4).toString('hex')}`);
    await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (account) await fs.chown(pwfile, account.uid, account.gid);
    try {
      await this.runToCompletion(
        initdbBin,
        [
          `--pgdata=${this.dataDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--no-locale',
          '--no-instructions',
        ],
        account,
      );
    } catch (err) {
      await fs.rm(this.dataDir, { recursive: true, force: true });
      throw err;
    } finally {
      await fs.rm(pwfile, { force: true });
    }
    this.log.log(`embedded postgres: initialised a new cluster in ${this.dataDir} in ${Date.now() - t0}ms`);
  }

  private runToCompletion(bin: string, args: string[], account: ServerAccount | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(bin, args, {
        ...spawnIdentity(account),
        env: serverEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
      child.once('error', (err) =>
        reject(new EmbeddedPostgresError(`cannot run ${path.basename(bin)}: ${err.message}`, { cause: err })),
      );
      child.once('close', (code, signal) =>
        code === 0
          ? resolve()
          : reject(
              new EmbeddedPostgresError(
                `${path.basename(bin)} failed (code ${code}, signal ${signal}): ${output.trim().slice(-2000)}`,
              ),
            ),
      );
    });
  }

  /**
   * A server still running on this folder is either another live Kuzet's (refused) or one left
   * over by a Kuzet that died without shutting down (kill -9, OOM): that one is stopped so this
   * start can take over. The owner is the Kuzet pid recorded next to PGDATA at each start.
   */
  private async refuseIfAlreadyRunning(): Promise<void> {
    const pid = await readPid(path.join(this.dataDir, 'postmaster.pid'));
    if (pid === undefined || pid === process.pid || !isAlive(pid)) return;
    const owner = await readPid(this.ownerFile);
    if (owner !== undefined && isAlive(owner)) {
      throw new EmbeddedPostgresError(
        `the embedded database in ${this.dataDir} is already in use by process ${owner} (a running Kuzet; server pid ${pid})`,
      );
    }
    this.log.warn(`embedded postgres: stopping server ${pid} left over by a Kuzet that did not shut down`);
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + (this.options.stopTimeoutMs ?? 30_000);
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      await sleep(2_000);
    }
    if (isAlive(pid)) throw new EmbeddedPostgresError(`the left-over server ${pid} on ${this.dataDir} did not stop`);
  }

  private spawnServer(postgresBin: string, account: ServerAccount | undefined): void {
    this.recentOutput.length = 0;
    const args = [
      '-D',
      this.dataDir,
      '-p',
      String(this.options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'logging_collector=off',
    ];
    // detached: a Ctrl-C in the terminal must not reach the server before Nest has closed its
    // connections; we stop it ourselves, last, in stop().
    const child = spawn(postgresBin, args, {
      ...spawnIdentity(account),
      env: serverEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.unref();
    this.child = child;
    process.once('exit', this.killOnExit);
    const onOutput = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.recentOutput.push(line);
        if (this.recentOutput.length > 40) this.recentOutput.shift();
        if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) this.log.warn(`embedded postgres: ${line}`);
        else this.log.debug?.(`embedded postgres: ${line}`);
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', (code, signal) => {
      if (this.child === child && this.started)
        this.log.error(`embedded postgres exited unexpectedly (code ${code}, signal ${signal})`);
    });
  }

  private async waitUntilReady(password: string): Promise<string> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 60_000);
    const child = this.child;
    let lastError: unknown;
    while (Date.now() < deadline) {
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        this.child = undefined;
        process.removeListener('exit', this.killOnExit);
        throw new EmbeddedPostgresError(
          `embedded postgres exited during start: ${this.recentOutput.slice(-10).join(' | ')}`,
        );
      }
      const client = this.client(password, 'postgres');
      try {
        await client.connect();
        const res = await client.query<{ server_version: string }>('SHOW server_version');
        return res.rows[0]?.server_version ?? 'unknown';
      } catch (err) {
        lastError = err;
        await sleep(100);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    await this.stop();
    throw new EmbeddedPostgresError(
      `embedded postgres not ready after ${this.options.startTimeoutMs ?? 60_000}ms: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
    );
  }

  private async ensureDatabase(password: string): Promise<void> {
    const client = this.client(password, 'postgres');
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.database]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.database)}`);
        this.log.log(`embedded postgres: created database ${this.database}`);
      }
    } finally {
      await client.end();
    }
  }

  private client(password: string, database: string): Client {
    const client = new Client({
      host: '127.0.0.1',
      port: this.options.port,
      user: SUPERUSER,
      password,
      database,
      connectionTimeoutMillis: 2_000,
    });
    client.on('error', () => undefined);
    return client;
  }
}

function spawnIdentity(account: ServerAccount | undefined): { uid?: number; gid?: number } {
  return account ? { uid: account.uid, gid: account.gid } : {};
}

function serverEnv(): NodeJS.ProcessEnv {
  // A minimal, predictable environment for initdb/postgres (C messages, no inherited PG* vars).
  return { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C', LC_ALL: 'C' };
}

async function readPid(file: string): Promise<number | undefined> {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt((await fs.readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
