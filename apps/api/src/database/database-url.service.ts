import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { redactDatabaseUrl } from './db-logger';
import { EmbeddedPostgresService } from './embedded-postgres.service';

/**
 * Where the database is: DATABASE_URL when set, else the embedded PostgreSQL, started on the
 * first call (once; later calls share the same promise).
 */
@Injectable()
export class DatabaseUrlService {
  private readonly logger = new Logger(DatabaseUrlService.name);
  private url: Promise<string> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly embedded: EmbeddedPostgresService,
  ) {}

  get usesEmbedded(): boolean {
    return !this.config.databaseUrl;
  }

  getUrl(): Promise<string> {
    this.url ??= this.resolve();
    return this.url;
  }

  private async resolve(): Promise<string> {
    if (this.config.databaseUrl) {
      this.logger.log(`database: ${redactDatabaseUrl(this.config.databaseUrl)}`);
      return this.config.databaseUrl;
    }
    const started = await this.embedded.start();
    this.logger.log(`database: embedded, ${redactDatabaseUrl(started.url)}`);
    return started.url;
  }
}
