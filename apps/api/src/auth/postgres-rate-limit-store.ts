import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RateLimiterAbstract, RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { dataSourceExecutor } from '../database/sql-executor';
import { RateLimitSpec, RateLimitStore } from './rate-limit-store';

/** The table of migration 1795720000910 (rate-limiter-flexible's layout). */
const TABLE = 'login_rate_limits';
const SWEEP_INTERVAL_MS = 5 * 60_000;

/**
 * Counters in PostgreSQL, so every API node counts the same failures. Expired rows are deleted
 * every five minutes (RateLimiterPostgres ignores them on read).
 */
@Injectable()
export class PostgresRateLimitStore extends RateLimitStore {
  private readonly logger = new Logger(PostgresRateLimitStore.name);

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  limiter(spec: RateLimitSpec): RateLimiterAbstract {
    return new RateLimiterPostgres({
      storeClient: this.dataSource,
      storeType: 'typeorm',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: spec.keyPrefix,
      points: spec.points,
      duration: spec.durationS,
    });
  }

  @Interval(SWEEP_INTERVAL_MS)
  async sweep(now = Date.now()): Promise<number> {
    try {
      const rows = await dataSourceExecutor(this.dataSource).query(`DELETE FROM ${TABLE} WHERE expire < $1 RETURNING key`, [now]);
      return rows.length;
    } catch (error) {
      this.logger.warn({ msg: 'sign-in counter sweep failed', err: String(error) });
      return 0;
    }
  }
}
