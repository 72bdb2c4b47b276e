import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DatabaseUrlService } from './database-url.service';
import { EmbeddedPostgresService } from './embedded-postgres.service';
import { embeddedPostgresFor } from './open-database';

/** Embedded server + URL resolution: what the TypeORM factory needs before a DataSource exists. */
@Module({
  providers: [
    {
      provide: EmbeddedPostgresService,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => embeddedPostgresFor(config),
    },
    DatabaseUrlService,
  ],
  exports: [EmbeddedPostgresService, DatabaseUrlService],
})
export class DatabaseConnectionModule {}
