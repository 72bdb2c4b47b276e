import { RateLimiterAbstract, RateLimiterMemory } from 'rate-limiter-flexible';

/** One counter family: its key prefix, the points a key may use, and the window in seconds. */
export interface RateLimitSpec {
  keyPrefix: string;
  points: number;
  durationS: number;
}

/** Where LoginRateLimiter's counters live (rate-limiter-flexible limiters over one store). */
export abstract class RateLimitStore {
  abstract limiter(spec: RateLimitSpec): RateLimiterAbstract;
}

/** Counters in this process's memory: for unit tests of the counting logic. */
export class MemoryRateLimitStore extends RateLimitStore {
  limiter(spec: RateLimitSpec): RateLimiterAbstract {
    return new RateLimiterMemory({ keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationS });
  }
}
