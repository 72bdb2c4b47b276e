import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MigrationRunnerService } from '../database/migration-runner.service';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';

const PING_TIMEOUT_MS = 2_000;

/** Readiness checks: a node serves only with its database answering and its schema current. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(SQL_EXECUTOR) private readonly db: SqlExecutor,
    private readonly migrationRunner: MigrationRunnerService,
  ) {}

  async database() {
    const indicator = this.indicators.check('database');
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      });
      await Promise.race([this.db.query('SELECT 1'), timeout]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Pending migrations: this node's code expects a schema the database does not have yet. */
  async migrations() {
    const indicator = this.indicators.check('migrations');
    try {
      const pending = await this.migrationRunner.pending();
      return pending.length === 0 ? indicator.up() : indicator.down({ pending });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
