import { Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';

/**
 * Guessing limits that no stranger can turn into a lock-out (rate-limiter-flexible counters):
 * - per (e-mail, client address): loginRateLimit failures in a row block that pair for the
 *   rest of the window; a success clears them. A correct password from an address without
 *   failures is never refused for someone else's guesses;
 * - per client address: loginAddressLimit failures for any e-mails in the window block the
 *   address (one source spraying many e-mails);
 * - per user on password change: loginRateLimit wrong current passwords in a row.
 * In memory, so per API process and reset by a restart; with several API nodes each counts on
 * its own (the limits then hold per node).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly pairs: RateLimiterMemory;
  private readonly addresses: RateLimiterMemory;
  private readonly passwordChanges: RateLimiterMemory;

  constructor(config: AppConfig) {
    const duration = config.auth.loginRateWindowMs / 1000;
    this.pairs = new RateLimiterMemory({ keyPrefix: 'login-pair', points: config.auth.loginRateLimit, duration });
    this.addresses = new RateLimiterMemory({ keyPrefix: 'login-address', points: config.auth.loginAddressLimit, duration });
    this.passwordChanges = new RateLimiterMemory({ keyPrefix: 'password-change', points: config.auth.loginRateLimit, duration });
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
    return waitMs(this.passwordChanges, String(userId));
  }

  async recordPasswordChangeFailure(userId: number): Promise<void> {
    await this.passwordChanges.penalty(String(userId));
  }

  async recordPasswordChangeSuccess(userId: number): Promise<void> {
    await this.passwordChanges.delete(String(userId));
  }
}

const addressKey = (address: string | null) => address ?? '-';
// JSON keeps the two parts apart whatever characters the e-mail holds.
const pairKey = (email: string, address: string | null) => JSON.stringify([email, addressKey(address)]);

/** How long a key with its points used up must wait; 0 while it has points left. */
async function waitMs(limiter: RateLimiterMemory, key: string): Promise<number> {
  const res = await limiter.get(key);
  return res && res.consumedPoints >= limiter.points ? Math.max(0, res.msBeforeNext) : 0;
}
