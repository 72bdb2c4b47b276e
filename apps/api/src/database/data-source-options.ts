import type { DataSourceOptions } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { allMigrations } from '../../../../migrations';
import { TypeormLogger } from './typeorm-logger';

export const MIGRATIONS_TABLE = 'migrations';

/**
 * The one definition of Kuzet's DataSource, for Nest (DatabaseModule adds autoLoadEntities)
 * and for plain scripts (`new DataSource(createDataSourceOptions(url)).initialize()`).
 * Never synchronize; migrations are run explicitly (see runMigrations / MigrationRunnerService).
 */
export function createDataSourceOptions(
  url: string,
  extra: Partial<Pick<PostgresConnectionOptions, 'entities' | 'poolSize' | 'applicationName'>> = {},
): DataSourceOptions & PostgresConnectionOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: allMigrations,
    migrationsTableName: MIGRATIONS_TABLE,
    entities: extra.entities ?? [],
    applicationName: extra.applicationName ?? 'kuzet',
    poolSize: extra.poolSize ?? 10,
    logger: new TypeormLogger(),
  };
}
