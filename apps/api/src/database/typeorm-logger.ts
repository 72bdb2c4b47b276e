import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerInterface } from 'typeorm';

/**
 * Routes TypeORM's own messages to Nest's Logger (and so to pino), one line an event.
 * TypeORM calls a custom logger for every query; they are only logged when asked for.
 */
export class TypeormLogger implements TypeOrmLoggerInterface {
  private readonly logger = new Logger('TypeORM');

  constructor(private readonly options: { queries?: boolean } = {}) {}

  logQuery(query: string): void {
    if (this.options.queries) this.logger.debug(`query: ${oneLine(query)}`);
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(`query failed: ${error instanceof Error ? error.message : error} -- ${oneLine(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time}ms): ${oneLine(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 500 ? `${flat.slice(0, 500)}...` : flat;
}
