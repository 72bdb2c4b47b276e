import type { DeliveryOutcome } from './channels/notification-channel';
import { RetryBackoff, retryDelayMs } from './retry-backoff';

/** What to do with an outbox row after one delivery attempt. */
export type DeliveryStep =
  | { action: 'sent' }
  | { action: 'gone'; error: string }
  | { action: 'retry'; at: number; error: string }
  | { action: 'dead'; error: string };

/**
 * Sent; gone (410: disable the endpoint); retried after the backoff (never before Retry-After);
 * or dead: refused for good, or the next attempt would fall after the row's give-up time.
 */
export function deliveryStep(
  outcome: DeliveryOutcome,
  row: { attempts: number; giveUpAt: number },
  now: number,
  backoff: RetryBackoff,
  random: () => number = Math.random,
): DeliveryStep {
  if (outcome.ok) return { action: 'sent' };
  if (outcome.gone) return { action: 'gone', error: outcome.error };
  const at = now + retryDelayMs(row.attempts, backoff, outcome.retryAfterMs, random);
  if (!outcome.retryable || at > row.giveUpAt) return { action: 'dead', error: outcome.error };
  return { action: 'retry', at, error: outcome.error };
}
