import { DynamicModule, Logger, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from './data-source-options';
import { DatabaseConnectionModule } from './database-connection.module';
import { DatabaseShutdownService } from './database-shutdown.service';
import { DatabaseUrlService } from './database-url.service';
import { MigrationRunnerService } from './migration-runner.service';
import { dataSourceExecutor, SQL_EXECUTOR } from './sql-executor';
import { readStorageInfo } from './storage-mode';
import { StorageModeService } from './storage-mode.service';

export interface DatabaseModuleOptions {
  /** Run pending migrations while booting (default true). The `kuzet` CLI may run them itself. */
  migrate?: boolean;
}

/**
 * The database, global. Boot order is enforced by dependency injection:
 *   1. DatabaseUrlService: DATABASE_URL, or start the embedded PostgreSQL;
 *   2. TypeORM DataSource (autoLoadEntities, never synchronize);
 *   3. StorageModeService: run pending migrations, then read the storage mode.
 * Anything injecting StorageModeService is constructed after the schema is migrated.
 * Requires ConfigModule.forRoot(config) (AppConfig) in the application.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions = {}): DynamicModule {
    const migrate = options.migrate ?? true;
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        DatabaseConnectionModule,
        TypeOrmModule.forRootAsync({
          imports: [DatabaseConnectionModule],
          inject: [DatabaseUrlService],
          useFactory: async (urls: DatabaseUrlService) => ({
            ...createDataSourceOptions(await urls.getUrl()),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [
        MigrationRunnerService,
        DatabaseShutdownService,
        {
          provide: SQL_EXECUTOR,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => dataSourceExecutor(dataSource),
        },
        {
          provide: StorageModeService,
          inject: [MigrationRunnerService, getDataSourceToken()],
          useFactory: async (migrations: MigrationRunnerService, dataSource: DataSource) => {
            if (migrate) await migrations.run();
            const info = await readStorageInfo(dataSourceExecutor(dataSource));
            const logger = new Logger('StorageMode');
            logger.log(
              info.mode === 'timescaledb'
                ? `storage mode: timescaledb ${info.timescaleVersion}`
                : `storage mode: postgresql${info.timescaleAvailableButUnused ? ' (timescaledb is available, but this database was set up without it)' : ' (timescaledb not available)'}`,
            );
            return new StorageModeService(info);
          },
        },
      ],
      exports: [DatabaseConnectionModule, MigrationRunnerService, StorageModeService, SQL_EXECUTOR],
    };
  }
}
