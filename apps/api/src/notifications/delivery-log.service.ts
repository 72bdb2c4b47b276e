import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DetectionClock } from '../detection/detection-clock';
import type { DeliveryLogEntry } from './http/notifications.dto';
import { ALERT_RENDERER, AlertRenderer } from './notification-renderer';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';
import type { OutboxEntry } from './notifications.repository';
import { NotificationsUnitOfWork } from './notifications-unit-of-work';

/** A webhook URL may carry a token in its path: the log shows its origin only. */
function shownRecipient(row: OutboxEntry): string {
  if (row.channel !== 'webhook') return row.recipient;
  try {
    return new URL(row.recipient).origin;
  } catch {
    return '(webhook)';
  }
}

type AgencyEntry = OutboxEntry & { agencyId: number; kind: DeliveryLogEntry['kind'] };

/** Messages to agency contacts; subscribers' messages (no agency) never reach the board. */
const isAgencyEntry = (r: OutboxEntry): r is AgencyEntry =>
  r.agencyId !== null && r.kind !== 'subscription_confirm' && r.kind !== 'subscription_update';

/** The delivery log, dead letters and the manual retry. */
@Injectable()
export class DeliveryLogService {
  constructor(
    private readonly uow: NotificationsUnitOfWork,
    private readonly clock: DetectionClock,
    @Inject(ALERT_RENDERER) private readonly renderer: AlertRenderer,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async forIncident(incidentId: number): Promise<DeliveryLogEntry[]> {
    return (await this.uow.repo().forIncident(incidentId)).filter(isAgencyEntry).map((r) => this.view(r));
  }

  async deadLetters(limit: number): Promise<DeliveryLogEntry[]> {
    return (await this.uow.repo().deadLetters(limit)).filter(isAgencyEntry).map((r) => this.view(r));
  }

  /** Puts a dead letter back in the queue; 404 for an unknown id, 409 for one that is not dead. */
  async retry(id: number): Promise<void> {
    const repo = this.uow.repo();
    if (await repo.retry(id, this.clock.now(), this.options.giveUpAfterMs)) return;
    if (!(await repo.exists(id))) throw new NotFoundException(`notification ${id} not found`);
    throw new ConflictException(`notification ${id} is not a dead letter`);
  }

  private view(r: AgencyEntry): DeliveryLogEntry {
    const subject =
      'notice' in r.payload ? r.payload.notice.subject : this.renderer.render(r.payload.content, r.channel, r.language).subject;
    const iso = (v: number) => new Date(v).toISOString();
    return {
      id: r.id,
      idempotency_key: r.idempotencyKey,
      agency_id: r.agencyId,
      kind: r.kind,
      level: r.level,
      incident_ids: r.incidentIds,
      channel: r.channel,
      recipient: shownRecipient(r),
      language: r.language,
      subject,
      state: r.state,
      attempts: r.attempts,
      last_error: r.lastError,
      created_at: iso(r.createdAt),
      next_attempt_at: iso(r.nextAttemptAt),
      sent_at: r.sentAt === null ? null : iso(r.sentAt),
    };
  }
}
