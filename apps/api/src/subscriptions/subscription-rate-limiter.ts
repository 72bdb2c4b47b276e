import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitStore } from '../auth/rate-limit-store';
import { AppConfig } from '../config/app-config';
import type { SubscriptionChannel } from './subscription-record';

const sha256 = (parts: readonly unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/**
 * Sign-up limits (rate-limiter-flexible over the shared counter store, PostgreSQL in the app):
 * per client address (one source signing up many addresses) and per recipient, an e-mail or a
 * webhook URL (one inbox or endpoint flooded with confirmation requests). Keys are sha256: no
 * address, e-mail or URL is stored in clear.
 */
@Injectable()
export class SubscriptionRateLimiter {
  private readonly addresses: RateLimiterAbstract;
  private readonly emails: RateLimiterAbstract;

  constructor(config: AppConfig, store: RateLimitStore) {
    const { windowS, addressLimit, emailLimit } = config.subscriptions;
    this.addresses = store.limiter({ keyPrefix: 'subscribe-address', points: addressLimit, durationS: windowS });
    this.emails = store.limiter({ keyPrefix: 'subscribe-email', points: emailLimit, durationS: windowS });
  }

  /** Counts a sign-up from this address; the seconds to wait when over the limit, else 0. */
  takeAddress(address: string | null): Promise<number> {
    return take(this.addresses, sha256(['address', address]));
  }

  /** Counts a sign-up for this e-mail or webhook URL; the seconds to wait when over the limit, else 0. */
  takeRecipient(channel: SubscriptionChannel, recipient: string): Promise<number> {
    // The e-mail key keeps its old shape so that counters running at an upgrade stay valid.
    return take(this.emails, sha256(channel === 'email' ? ['email', recipient] : [channel, recipient]));
  }
}

async function take(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (res) {
    if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw res;
  }
}
