import { Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterRedis } from 'rate-limiter-flexible';
import { RateLimitSpec, RateLimitStore } from './rate-limit-store';

/**
 * Counters in Redis (when REDIS_URL is set): every API node counts the same failures, without a
 * table write per failed sign-in, and Redis expires them itself. Keys are prefixed with
 * KUZET_REDIS_KEY, so installations sharing one Redis keep apart. Redis away: the limiter's call
 * fails, and the sign-in with it (never an unlimited sign-in).
 */
export class RedisRateLimitStore extends RateLimitStore implements OnModuleDestroy {
  private readonly logger = new Logger(RedisRateLimitStore.name);
  private readonly client: Redis;

  /** Made by AuthModule's factory when REDIS_URL is set (the PostgreSQL store otherwise). */
  constructor(
    redisUrl: string,
    private readonly prefix: string,
  ) {
    super();
    this.client = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    // Without a listener an unreachable Redis would crash the process; ioredis reconnects by itself.
    this.client.on('error', (error: Error) =>
      this.logger.warn({ msg: 'redis error (sign-in counters)', err: error.message }),
    );
  }

  limiter(spec: RateLimitSpec): RateLimiterAbstract {
    return new RateLimiterRedis({
      storeClient: this.client,
      keyPrefix: `${this.prefix}:${spec.keyPrefix}`,
      points: spec.points,
      duration: spec.durationS,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
