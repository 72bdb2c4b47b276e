import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DetectionClock } from '../detection/detection-clock';
import {
  ChannelTarget,
  DeliveryOutcome,
  NOTIFICATION_CHANNELS,
  NotificationChannel,
  OutgoingNotification,
} from './channels/notification-channel';
import { ALERT_RENDERER, AlertRenderer } from './notification-renderer';
import { NotificationsMetrics } from './notifications-metrics';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';
import type { NotificationsRepository, OutboxEntry } from './notifications.repository';
import { NotificationsUnitOfWork } from './notifications-unit-of-work';
import { deliveryStep } from './delivery-step';
import { idempotencyKey } from './alert-composer';
import { AgencyContact, contactAddress } from '@kuzet/contracts';
import { webhookSecretsFor } from './webhook-secrets';
import type { NewOutboxRow } from './notification-records';

/** Webhook contacts by "<agency id> <url>". */
type WebhookContacts = Map<string, AgencyContact>;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

/**
 * Delivers the outbox: claims due rows (committed at once, so a crash only delays them until the
 * lease runs out), sends each through the channel of its kind, and records the outcome: sent;
 * failed with the next attempt after an exponential, jittered backoff (never before Retry-After);
 * dead once past its give-up time or refused for good; a 410 disables the endpoint and tells the
 * agency's e-mail contacts. At least once: a receiver deduplicates by the idempotency key.
 */
@Injectable()
export class DeliveryWorkerService {
  private readonly logger = new Logger(DeliveryWorkerService.name);
  private readonly channels = new Map<string, NotificationChannel>();

  constructor(
    private readonly uow: NotificationsUnitOfWork,
    private readonly clock: DetectionClock,
    private readonly metrics: NotificationsMetrics,
    @Inject(ALERT_RENDERER) private readonly renderer: AlertRenderer,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    @Optional() @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[] = [],
  ) {
    for (const c of channels) this.channels.set(c.kind, c);
  }

  /** One round: claims up to a batch and delivers it; returns how many were claimed. */
  async deliverDue(): Promise<number> {
    const claimed = await this.uow.run((repo) =>
      repo.claim(this.clock.now(), this.options.leaseMs, this.options.batchSize),
    );
    const contacts = await this.webhookContacts(claimed);
    // Rows of one recipient go one after another (their order matters); recipients in parallel.
    const byRecipient = new Map<string, OutboxEntry[]>();
    for (const row of claimed) {
      const k = `${row.channel} ${row.recipient}`;
      byRecipient.set(k, [...(byRecipient.get(k) ?? []), row]);
    }
    // Delivered rows are marked together at the end of the round (a crash before that re-sends
    // them with the same key: at least once).
    const sent: { id: number; at: number }[] = [];
    await Promise.all(
      [...byRecipient.values()].map(async (rows) => {
        for (const row of rows) if (await this.deliver(row, contacts)) sent.push({ id: row.id, at: this.clock.now() });
      }),
    );
    await this.uow.repo().markSent(sent);
    this.metrics.setBacklog(await this.uow.repo().backlog());
    return claimed.length;
  }

  /** Sends one row through its channel; a channel that throws counts as a retryable failure. */
  private async attempt(row: OutboxEntry, contacts: WebhookContacts): Promise<DeliveryOutcome> {
    const channel = this.channels.get(row.channel);
    if (!channel) return { ok: false, retryable: true, error: `no ${row.channel} channel configured` };
    const target = this.target(row, contacts);
    if ('error' in target) return { ok: false, retryable: false, error: target.error };
    try {
      return await channel.send(target, this.outgoing(row));
    } catch (err) {
      return { ok: false, retryable: true, error: errorText(err) };
    }
  }

  /** True when delivered (the caller marks it); failures are recorded here. */
  private async deliver(row: OutboxEntry, contacts: WebhookContacts): Promise<boolean> {
    const outcome = await this.attempt(row, contacts);
    const now = this.clock.now();
    const step = deliveryStep(outcome, row, now, this.options.backoff);
    const log = { id: row.id, key: row.idempotencyKey, channel: row.channel, kind: row.kind, attempt: row.attempts };
    const repo = this.uow.repo();
    if (step.action === 'sent') {
      this.metrics.sent.inc({ channel: row.channel });
      this.metrics.latency.observe({ channel: row.channel }, Math.max(0, now - row.nextAttemptAt) / 1000);
      this.logger.log({ event: 'notification.sent', ...log });
      return true;
    }
    this.metrics.failed.inc({ channel: row.channel });
    const agencyId = row.agencyId;
    if (step.action === 'gone' && agencyId !== null) {
      await this.uow.run(async (tx) => {
        await tx.markDead(row.id, step.error);
        await tx.disableEndpoint(agencyId, row.channel, row.recipient, now, step.error);
        await this.tellAdmins(tx, agencyId, row, now);
      });
      this.logger.warn({ event: 'notification.endpoint_disabled', ...log, error: step.error });
    } else if (step.action === 'dead' || step.action === 'gone') {
      // 'gone' here: a subscriber's endpoint, no agency to tell; the row is buried.
      await repo.markDead(row.id, step.error);
      this.logger.warn({ event: 'notification.dead', ...log, error: step.error });
    } else {
      await repo.markFailed(row.id, step.error, step.at);
      this.logger.warn({ event: 'notification.retry', ...log, error: step.error, retry_at: new Date(step.at).toISOString() });
    }
    return false;
  }

  /** The webhook contacts of the agencies of the claimed webhook rows (their own signing secrets). */
  private async webhookContacts(rows: readonly OutboxEntry[]): Promise<WebhookContacts> {
    const out: WebhookContacts = new Map();
    const agencyIds = rows.filter((r) => r.channel === 'webhook').map((r) => r.agencyId);
    // a subscriber's webhook (no agency) is signed with the installation's secrets
    for (const agencyId of new Set(agencyIds.filter((id): id is number => id !== null))) {
      const agency = await this.uow.repo().agencyPolicy(agencyId);
      for (const c of agency?.contacts ?? []) if (c.kind === 'webhook') out.set(`${agencyId} ${c.url}`, c);
    }
    return out;
  }

  private target(row: OutboxEntry, contacts: WebhookContacts): ChannelTarget | { error: string } {
    if (row.channel !== 'webhook') return { kind: row.channel, address: row.recipient };
    const contact = contacts.get(`${row.agencyId} ${row.recipient}`);
    const found = webhookSecretsFor(contact, this.options.webhookSecrets, this.options.catalogEnv ?? (() => undefined));
    if ('error' in found) return found;
    return { kind: row.channel, address: row.recipient, secrets: found.secrets, publicOnly: row.agencyId === null };
  }

  private outgoing(row: OutboxEntry): OutgoingNotification {
    const payload = row.payload;
    if ('notice' in payload) {
      const { subject, text, html, headers, webhook } = payload.notice;
      return {
        idempotencyKey: row.idempotencyKey,
        language: row.language,
        content: { kind: 'informational', agencyCode: '', agencyName: { kk: '', ru: '', en: '' }, incidents: [], level: 0 },
        rendered: { subject, text, html },
        headers,
        webhookEvent: webhook,
      };
    }
    return {
      idempotencyKey: row.idempotencyKey,
      language: row.language,
      content: payload.content,
      rendered: this.renderer.render(payload.content, row.channel, row.language),
      ...(row.ackToken ? { ackToken: row.ackToken } : {}),
    };
  }

  /** A notice to the agency's e-mail contacts that a receiver asked to be disabled. */
  private async tellAdmins(
    tx: NotificationsRepository,
    agencyId: number,
    row: OutboxEntry,
    now: number,
  ): Promise<void> {
    const agency = await tx.agencyPolicy(agencyId);
    if (!agency) return;
    // Named by the contact, never by its URL (which may carry a token).
    const index = agency.contacts.findIndex((c) => c.kind === row.channel && contactAddress(c) === row.recipient);
    const name = agency.contacts[index]?.name;
    const which = name ? `"${name}"` : `#${index + 1}`;
    const notice = {
      subject: `Kuzet: webhook ${which} of ${agency.code} disabled`,
      text: `The receiver of webhook contact ${which} answered 410 Gone; Kuzet stopped sending to it. Fix or replace the contact in the catalog.`,
    };
    const rows: NewOutboxRow[] = agency.contacts.flatMap((c) =>
      c.kind !== 'email'
        ? []
        : [
            {
              idempotencyKey: idempotencyKey(['endpoint_disabled', row.channel, row.recipient, c.address]),
              agencyId: agency.id,
              kind: 'endpoint_disabled',
              level: 0,
              incidentIds: [],
              channel: 'email',
              recipient: c.address,
              language: c.language,
              payload: { notice },
              nextAttemptAt: now,
              createdAt: now,
            },
          ],
    );
    await tx.insertOutbox(rows, this.options.giveUpAfterMs);
  }
}
