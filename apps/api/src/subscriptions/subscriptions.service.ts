import { Inject, Injectable, Logger } from '@nestjs/common';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications/notifications.options';
import { DetectionClock } from '../detection/detection-clock';
import { confirmationNotice, webhookVerificationNotice } from './subscription-messages';
import { SubscriptionRateLimiter } from './subscription-rate-limiter';
import type { SubscriptionChannel, SubscriptionLanguage, SubscriptionScope } from './subscription-record';
import { SubscriptionTokens, tokenHash } from './subscription-tokens';
import { SubscriptionRateLimitedError, SubscriptionScopeNotFoundError } from './subscriptions.errors';
import type { SubscriptionsTx } from './subscriptions-unit-of-work';
import { SubscriptionsUnitOfWork } from './subscriptions-unit-of-work';

/** A confirmation link stays valid this long. */
export const CONFIRM_TTL_MS = 48 * 3_600_000;

export interface SignUp {
  channel: SubscriptionChannel;
  address: string;
  scope: 'all' | { system: string } | { agency: string };
  language: SubscriptionLanguage;
}

/** The same answer whatever was there before, so a sign-up reveals nothing about other subscribers. */
export interface SignUpAnswer {
  status: 'accepted';
  /**
   * Where the confirmation link went (or would have, when the address already follows this scope):
   * by e-mail, or as a `subscription.verify` event POSTed to the webhook.
   */
  confirmation: SubscriptionChannel;
}

export type ConfirmOutcome = 'confirmed' | 'cancelled' | 'expired' | 'unknown';
export type UnsubscribeOutcome = 'unsubscribed' | 'unknown';

/**
 * Sign-up with double opt-in (a pending row and a confirmation message queued in the outbox in
 * one transaction), confirmation, one-click unsubscribe. A webhook is confirmed the same way: the
 * link goes to the webhook itself, so only whoever receives its requests can turn it on, and a
 * stranger cannot point the platform's traffic at someone else's endpoint.
 */
@Injectable()
export class SubscriptionsService {
  private readonly logger = new Logger(SubscriptionsService.name);

  constructor(
    private readonly uow: SubscriptionsUnitOfWork,
    private readonly limiter: SubscriptionRateLimiter,
    private readonly tokens: SubscriptionTokens,
    private readonly clock: DetectionClock,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async subscribe(input: SignUp, clientAddress: string | null): Promise<SignUpAnswer> {
    const addressWait = await this.limiter.takeAddress(clientAddress);
    if (addressWait > 0) throw new SubscriptionRateLimitedError(addressWait);
    const address = input.channel === 'email' ? input.address.trim().toLowerCase() : input.address;
    const answer: SignUpAnswer = { status: 'accepted', confirmation: input.channel };
    return this.uow.run(async (tx) => {
      const scope = await this.resolveScope(tx, input.scope);
      const recipientWait = await this.limiter.takeRecipient(input.channel, address);
      if (recipientWait > 0) throw new SubscriptionRateLimitedError(recipientWait);
      const existing = await tx.subscriptions.find(input.channel, address, scope);
      const now = this.clock.now();
      // Already following: nothing to send (and the same answer as a new sign-up).
      if (existing?.state === 'active') return answer;
      const token = this.tokens.next();
      const expiresAt = now + CONFIRM_TTL_MS;
      let id = existing?.id;
      if (id !== undefined) await tx.subscriptions.renewConfirmation(id, input.language, tokenHash(token), expiresAt);
      else id = await this.insert(tx, { ...input, address, scope }, { hash: tokenHash(token), expiresAt }, now);
      // A concurrent sign-up of the same address and scope won the insert: it sends its own link.
      if (id === undefined) return answer;
      const label = await tx.subscriptions.scopeLabel(scope);
      const notice = input.channel === 'email'
        ? confirmationNotice(label, input.language, this.options.publicUrl, token)
        : webhookVerificationNotice(label, input.language, this.options.publicUrl, token, expiresAt);
      await tx.outbox.insertOutbox(
        [
          {
            idempotencyKey: `sub:${id}:confirm:${tokenHash(token).slice(0, 16)}`,
            agencyId: null,
            kind: 'subscription_confirm',
            level: 0,
            incidentIds: [],
            channel: input.channel,
            recipient: address,
            language: input.language,
            payload: { notice },
            nextAttemptAt: now,
            createdAt: now,
          },
        ],
        this.options.giveUpAfterMs,
      );
      this.logger.log({ event: 'subscription.pending', subscription: id, channel: input.channel, scope: scope.kind });
      return answer;
    });
  }

  async confirm(token: string): Promise<{ outcome: ConfirmOutcome; language: SubscriptionLanguage | null }> {
    return this.uow.run(async (tx) => {
      const s = await tx.subscriptions.byConfirmHash(tokenHash(token));
      if (!s) return { outcome: 'unknown', language: null };
      // Opening the link again says the same: confirming is idempotent.
      if (s.state === 'active') return { outcome: 'confirmed', language: s.language };
      if (s.state === 'unsubscribed') return { outcome: 'cancelled', language: s.language };
      const now = this.clock.now();
      if (s.confirmExpiresAt !== null && s.confirmExpiresAt < now) return { outcome: 'expired', language: s.language };
      await tx.subscriptions.confirm(s.id, now);
      this.logger.log({ event: 'subscription.confirmed', subscription: s.id });
      return { outcome: 'confirmed', language: s.language };
    });
  }

  /** Whether the unsubscribe link is valid (the page asks before acting). */
  async unsubscribeLanguage(token: string): Promise<SubscriptionLanguage | null> {
    return this.uow.run(async (tx) => (await tx.subscriptions.byUnsubscribeToken(token))?.language ?? null);
  }

  async unsubscribe(token: string): Promise<{ outcome: UnsubscribeOutcome; language: SubscriptionLanguage | null }> {
    return this.uow.run(async (tx) => {
      const s = await tx.subscriptions.byUnsubscribeToken(token);
      if (!s) return { outcome: 'unknown', language: null };
      if (s.state !== 'unsubscribed') {
        await tx.subscriptions.unsubscribe(s.id, this.clock.now());
        this.logger.log({ event: 'subscription.unsubscribed', subscription: s.id });
      }
      return { outcome: 'unsubscribed', language: s.language };
    });
  }

  private async resolveScope(tx: SubscriptionsTx, scope: SignUp['scope']): Promise<SubscriptionScope> {
    if (scope === 'all') return { kind: 'all' };
    if ('system' in scope) {
      const system = await tx.subscriptions.publicSystem(scope.system);
      if (!system) throw new SubscriptionScopeNotFoundError('system', scope.system);
      return { kind: 'system', systemId: system.id };
    }
    const agency = await tx.subscriptions.publicAgency(scope.agency);
    if (!agency) throw new SubscriptionScopeNotFoundError('agency', scope.agency);
    return { kind: 'agency', agencyId: agency.id };
  }

  private async insert(
    tx: SubscriptionsTx,
    s: { channel: SubscriptionChannel; address: string; scope: SubscriptionScope; language: SubscriptionLanguage },
    confirmation: { hash: string; expiresAt: number } | null,
    now: number,
  ): Promise<number | undefined> {
    return tx.subscriptions.insert({
      ...s,
      state: confirmation ? 'pending' : 'active',
      confirmTokenHash: confirmation?.hash ?? null,
      confirmExpiresAt: confirmation?.expiresAt ?? null,
      unsubscribeToken: this.tokens.next(),
      now,
    });
  }
}
