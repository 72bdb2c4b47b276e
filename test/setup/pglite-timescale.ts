import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { QueryRunner } from 'typeorm';
import type { SqlExecutor } from '../../apps/api/src/database/sql-executor';

interface Reply {
  id?: number;
  ready?: boolean;
  initMs?: number;
  rows?: unknown[];
  error?: { message: string; code?: string };
}

/**
 * PGlite with TimescaleDB 2.23 (WASM): the test-only stand-in for a TimescaleDB server.
 * It runs in a child Node process (pglite-timescale.worker.js) because PGlite loads its
 * bundles with dynamic import(), which Jest's module sandbox refuses. One per test file:
 * starting it takes a few seconds.
 */
export class TimescalePglite {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (rows: unknown[]) => void; reject: (err: Error) => void }
  >();

  private constructor(
    private readonly child: ChildProcess,
    readonly initMs: number,
  ) {
    child.on('message', (reply: Reply) => {
      const waiter = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiter || reply.id === undefined) return;
      this.pending.delete(reply.id);
      if (reply.error)
        waiter.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiter.resolve(reply.rows ?? []);
    });
    child.on('exit', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('PGlite worker exited'));
      this.pending.clear();
    });
  }

  static start(timeoutMs = 60_000): Promise<TimescalePglite> {
    const child = fork(join(__dirname, 'pglite-timescale.worker.js'), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`PGlite did not start within ${timeoutMs}ms`));
      }, timeoutMs);
      child.once('message', (reply: Reply) => {
        clearTimeout(timer);
        if (reply.ready) resolve(new TimescalePglite(child, reply.initMs ?? 0));
        else {
          child.kill('SIGKILL');
          reject(new Error(`PGlite failed to start: ${reply.error?.message}`));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PGlite worker exited during start (code ${code})`));
      });
    });
  }

  /** One statement, with parameters (extended protocol). */
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.send({ op: 'query', sql, params: params ? [...params] : undefined }) as Promise<T[]>;
  }

  /** Several statements without parameters (simple protocol); rows of the last one. */
  exec<T>(sql: string): Promise<T[]> {
    return this.send({ op: 'exec', sql }) as Promise<T[]>;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.send({ op: 'close' }).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: { op: string; sql?: string; params?: unknown[] }): Promise<unknown[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, ...message }, (err) => {
        if (err) {
          this.pending.delete(id);
          reject(err);
        }
      });
    });
  }
}

export function pgliteExecutor(pg: TimescalePglite): SqlExecutor {
  return { query: <T>(sql: string, params?: readonly unknown[]) => pg.query<T>(sql, params) };
}

/**
 * The part of TypeORM's QueryRunner that migrations may use: `query(sql, params?)`.
 * Without parameters the text may hold several statements (simple protocol, like node-pg).
 */
export function pgliteQueryRunner(pg: TimescalePglite): QueryRunner {
  const runner = {
    query: (sql: string, params?: unknown[]): Promise<unknown[]> =>
      params && params.length > 0 ? pg.query(sql, params) : pg.exec(sql),
  };
  return runner as unknown as QueryRunner;
}

/** Sorted as TypeORM sorts them: by the 13-digit timestamp ending the class name. */
export function orderedMigrations(migrations: readonly Function[]): Function[] {
  const stamp = (m: Function): number => Number(m.name.slice(-13));
  return [...migrations].sort((a, b) => stamp(a) - stamp(b));
}

/** Runs every migration's up() in order, each in a transaction, as the migration runner does. */
export async function runMigrationsOnPglite(
  pg: TimescalePglite,
  migrations: readonly Function[],
): Promise<string[]> {
  const runner = pgliteQueryRunner(pg);
  const names: string[] = [];
  for (const migrationClass of orderedMigrations(migrations)) {
    const migration = new (
      migrationClass as new () => { name?: string; transaction?: boolean; up(q: QueryRunner): Promise<void> }
    )();
    const name = migration.name ?? migrationClass.name;
    const transactional = migration.transaction !== false;
    if (transactional) await pg.exec('BEGIN');
    try {
      await migration.up(runner);
      if (transactional) await pg.exec('COMMIT');
    } catch (err) {
      if (transactional) await pg.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`migration ${name} failed on PGlite: ${(err as Error).message}`, { cause: err });
    }
    names.push(name);
  }
  return names;
}
