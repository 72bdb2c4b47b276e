import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EmbeddedPostgresError } from './database.errors';
import type { DbLogger } from './db-logger';
import { binariesIn, EmbeddedPostgresBinaries } from './embedded-postgres-binaries';
import { firstUnreachableAbove, ServerAccount } from './postgres-os-user';

/** Written last into a copy, so a copy cut short (crash, full disk) is redone, never used. */
const COMPLETE_MARKER = '.kuzet-copy-complete';

/**
 * As root the server runs as `account`, which must be able to enter every directory above the
 * binaries. node_modules inside a checkout in a 0700 directory (`mktemp -d`, /root) is not:
 * initdb then fails with a bare `spawn EACCES`. Rather than open up a directory that is not
 * Kuzet's, copy the package's `native` folder (about 60 MB, once per version) into
 * `baseDir`, which Kuzet has already made reachable, and run the copy.
 */
export async function reachableBinaries(
  binaries: EmbeddedPostgresBinaries,
  account: ServerAccount,
  baseDir: string,
  log: DbLogger,
): Promise<EmbeddedPostgresBinaries> {
  const blocked = await firstUnreachableAbove(binaries.initdb, account);
  if (blocked === undefined) return binaries;
  const target = path.join(path.resolve(baseDir), `binaries-${binaries.version}`);
  if (!existsSync(path.join(target, COMPLETE_MARKER))) {
    const t0 = Date.now();
    const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
    try {
      // verbatimSymlinks: the package's lib/ symlinks are relative and stay valid in the copy.
      await fs.cp(binaries.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      await fs.chmod(partial, 0o755);
      await fs.writeFile(path.join(partial, COMPLETE_MARKER), `${binaries.nativeDir}\n`);
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(partial, target);
    } finally {
      await fs.rm(partial, { recursive: true, force: true });
    }
    log.warn(
      `embedded postgres: user "${account.name}" cannot enter ${blocked}, which holds the binaries; ` +
        `copied them to ${target} in ${Date.now() - t0}ms`,
    );
  }
  const copy = binariesIn(target, binaries.version);
  const stillBlocked = await firstUnreachableAbove(copy.initdb, account);
  if (stillBlocked !== undefined) {
    // ensureReachableBy ran on the data folder first, so this means a directory changed under us.
    throw new EmbeddedPostgresError(`user "${account.name}" cannot enter ${stillBlocked}, above the copied binaries in ${target}`);
  }
  return copy;
}
