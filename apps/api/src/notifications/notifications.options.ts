import type { EnvLookup } from '@kuzet/contracts';
import type { RetryBackoff } from './retry-backoff';

/** Nest injection token for NotificationsOptions. */
export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

export interface NotificationsOptions {
  /** Period of the notifier loop (grouping, escalation, delivery); 0 = no loop (tests drive it). */
  tickMs: number;
  /** A claimed row whose sender died is claimed again after this. */
  leaseMs: number;
  /** Rows claimed per round. */
  batchSize: number;
  /** Undelivered this long after it was due, a notification becomes a dead letter. */
  giveUpAfterMs: number;
  backoff: RetryBackoff;
  /** Base URL of the board, for the links in alerts. */
  publicUrl: string;
  /** Webhook signing secrets (KUZET_WEBHOOK_SECRETS), the current one first. */
  webhookSecrets: string[];
  /** Resolves a webhook contact's own `${env:NAME}` secrets (the config's catalogEnv); none: unset. */
  catalogEnv?: EnvLookup;
}

export const DEFAULT_NOTIFICATIONS_OPTIONS: NotificationsOptions = {
  tickMs: 1000,
  leaseMs: 60_000,
  batchSize: 100,
  giveUpAfterMs: 24 * 3_600_000,
  backoff: { baseMs: 1000, maxMs: 300_000 },
  publicUrl: 'http://localhost:3000',
  webhookSecrets: [],
};
