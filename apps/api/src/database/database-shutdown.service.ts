import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EmbeddedPostgresService } from './embedded-postgres.service';

/**
 * Shutdown order: close the pool, then stop the embedded server. Nest runs
 * onApplicationShutdown of global modules (TypeORM's) last, so we close the DataSource here
 * ourselves; TypeORM's own hook then finds it closed. Other modules that still need the
 * database at shutdown (flushing buffers) must do it in onModuleDestroy or
 * beforeApplicationShutdown, which Nest runs before any onApplicationShutdown.
 */
@Injectable()
export class DatabaseShutdownService implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseShutdownService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly embedded: EmbeddedPostgresService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
      this.logger.log('database connections closed');
    }
    await this.embedded.stop();
  }
}
