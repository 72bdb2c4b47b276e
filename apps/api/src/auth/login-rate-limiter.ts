import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { RateLimitStore } from './rate-limit-store';

/**
 * Guessing limits that no stranger can turn into a lock-out (rate-limiter-flexible counters):
 * - per (e-mail, client address): loginRateLimit failures in a row block that pair for the
 *   rest of the window; a success clears them. A correct password from an address without
 *   failures is never refused for someone else's guesses;
 * - per client address: loginAddressLimit failures for any e-mails in the window block the
 *   address (one source spraying many e-mails);
 * - per user on password change: loginRateLimit wrong current passwords in a row.
 * The counters live in the RateLimitStore (PostgreSQL in the app: shared by every API node,
 * kept across restarts), under sha256 keys: no e-mail or address is stored in clear.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly pairs: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;
  private readonly passwordChanges: RateLimiterAbstract;

  constructor(config: AppConfig, store: RateLimitStore) {
    const durationS = config.auth.loginRateWindowMs / 1000;
    this.pairs = store.limiter({ keyPrefix: 'login-pair', points: config.auth.loginRateLimit, durationS });
    this.addresses = store.limiter({ keyPrefix: 'login-address', points: config.auth.loginAddressLimit, durationS });
    this.passwordChanges = store.limiter({ keyPrefix: 'password-change', points: config.auth.loginRateLimit, durationS });
  }

  /** Milliseconds until this e-mail may be tried from this address; 0 when it may be now. */
  async signInWaitMs(email: string, address: string | null): Promise<number> {
    const [pair, source] = await Promise.all([
      waitMs(this.pairs, pairKey(email, address)),
      waitMs(this.addresses, addressKey(address)),
    ]);
    return Math.max(pair, source);
  }

  async recordSignInFailure(email: string, address: string | null): Promise<void> {
    await Promise.all([this.pairs.penalty(pairKey(email, address)), this.addresses.penalty(addressKey(address))]);
  }

  /** A success clears its pair's failures in a row; the address keeps its count. */
  async recordSignInSuccess(email: string, address: string | null): Promise<void> {
    await this.pairs.delete(pairKey(email, address));
  }

  passwordChangeWaitMs(userId: number): Promise<number> {
    return waitMs(this.passwordChanges, userKey(userId));
  }

  async recordPasswordChangeFailure(userId: number): Promise<void> {
    await this.passwordChanges.penalty(userKey(userId));
  }

  async recordPasswordChangeSuccess(userId: number): Promise<void> {
    await this.passwordChanges.delete(userKey(userId));
  }
}

const sha256 = (parts: readonly unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');
// JSON keeps the parts apart whatever characters the e-mail holds; the hash bounds the key length.
const addressKey = (address: string | null) => sha256([address]);
const pairKey = (email: string, address: string | null) => sha256([email, address]);
const userKey = (userId: number) => sha256([userId]);

/** How long a key with its points used up must wait; 0 while it has points left. */
async function waitMs(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const res = await limiter.get(key);
  return res && res.consumedPoints >= limiter.points ? Math.max(0, res.msBeforeNext) : 0;
}
