import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { createDataSourceOptions } from './data-source-options';
import type { DbLogger } from './db-logger';
import { EmbeddedPostgresService } from './embedded-postgres.service';
import { MigrationRunReport, runMigrations } from './migration-runner';

type DatabaseConfig = Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>;

/** The embedded server of a configuration: `<dataDir>/pg` on `embeddedPgPort`. */
export function embeddedPostgresFor(config: DatabaseConfig, logger?: DbLogger): EmbeddedPostgresService {
  return new EmbeddedPostgresService({
    baseDir: path.join(config.dataDir, 'pg'),
    port: config.embeddedPgPort,
    logger,
  });
}

export interface OpenDatabase {
  url: string;
  dataSource: DataSource;
  /** Set when the embedded server was started for this connection. */
  embedded: EmbeddedPostgresService | undefined;
  /** Null when opened with `migrate: false`. */
  migrations: MigrationRunReport | null;
  /** Closes the pool, then stops the embedded server if one was started. */
  close(): Promise<void>;
}

/**
 * The boot sequence without Nest, for scripts and the `kuzet` CLI: embedded start (when no
 * DATABASE_URL) -> DataSource -> migrations. The app does the same through DatabaseModule.
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean; log?: DbLogger } = {},
): Promise<OpenDatabase> {
  const log = options.log ?? new Logger('Database');
  const embedded = config.databaseUrl ? undefined : embeddedPostgresFor(config, log);
  let dataSource: DataSource | undefined;
  try {
    const url = config.databaseUrl ?? (await embedded!.start()).url;
    dataSource = await new DataSource(createDataSourceOptions(url)).initialize();
    const migrations = options.migrate === false ? null : await runMigrations(dataSource, log);
    const ds = dataSource;
    return {
      url,
      dataSource: ds,
      embedded,
      migrations,
      close: async () => {
        if (ds.isInitialized) await ds.destroy();
        await embedded?.stop();
      },
    };
  } catch (err) {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}
