import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/** Milliseconds now; a seam for tests. */
export type NowFn = () => number;

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Failed sign-ins counted per key (a client address, an e-mail) in fixed windows of
 * config.auth.loginRateWindowMs. A key with loginRateLimit failures in its window is refused until
 * the window ends. In memory: per process, reset by a restart (enough to stop guessing).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(
    config: AppConfig,
    private readonly now: NowFn = Date.now,
  ) {
    this.limit = config.auth.loginRateLimit;
    this.windowMs = config.auth.loginRateWindowMs;
  }

  /** Milliseconds until any of the keys may try again; 0 when all may try now. */
  retryAfterMs(keys: readonly string[]): number {
    const t = this.now();
    let wait = 0;
    for (const key of keys) {
      const w = this.live(key, t);
      if (w && w.failures >= this.limit) wait = Math.max(wait, w.startedAt + this.windowMs - t);
    }
    return wait;
  }

  recordFailure(keys: readonly string[]): void {
    const t = this.now();
    for (const key of keys) {
      const w = this.live(key, t) ?? { startedAt: t, failures: 0 };
      w.failures += 1;
      this.windows.set(key, w);
    }
    if (this.windows.size > 10_000) this.sweep(t);
  }

  /** A successful sign-in clears its e-mail's failures (not its address's). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private live(key: string, t: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && t - w.startedAt >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(t: number): void {
    for (const [key, w] of this.windows) if (t - w.startedAt >= this.windowMs) this.windows.delete(key);
  }
}
