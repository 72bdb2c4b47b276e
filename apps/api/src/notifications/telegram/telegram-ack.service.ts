import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { IncidentStateError } from '../../incidents/incidents.errors';
import { IncidentsService } from '../../incidents/incidents.service';
import type { AlertLanguage } from '../channels/notification-channel';
import { mayAcknowledge } from './may-acknowledge';
import { TelegramLinksRepository } from './telegram-links.repository';

/** What pressing an "acknowledge" button did. */
export type AckPressResult =
  | { outcome: 'unknown_button' }
  | { outcome: 'not_linked'; language: AlertLanguage }
  | { outcome: 'not_allowed'; language: AlertLanguage }
  | { outcome: 'acknowledged'; language: AlertLanguage; incidentIds: number[] };

/**
 * A press of a Telegram alert's "acknowledge" button: the linked Kuzet user acknowledges the
 * message's incidents it may act on, through IncidentsService (timeline event, state change that
 * stops the escalation) with an audit entry per incident, as the board's acknowledgement does.
 */
@Injectable()
export class TelegramAckService {
  private readonly logger = new Logger(TelegramAckService.name);

  constructor(
    private readonly links: TelegramLinksRepository,
    private readonly incidents: IncidentsService,
    private readonly audit: AuditService,
  ) {}

  async press(telegramUserId: number, token: string): Promise<AckPressResult> {
    const target = await this.links.ackTarget(token);
    if (!target) return { outcome: 'unknown_button' };
    const { language } = target;
    const user = await this.links.linkedUser(telegramUserId);
    if (!user) return { outcome: 'not_linked', language };
    const allowed = target.incidents.filter((i) => mayAcknowledge(user, i.agencyCode));
    if (allowed.length === 0) {
      this.logger.warn({ event: 'telegram.ack_refused', user: user.id, telegram_user: telegramUserId });
      return { outcome: 'not_allowed', language };
    }
    const acknowledged: number[] = [];
    for (const { id } of allowed.filter((i) => i.open)) {
      try {
        await this.incidents.acknowledge(id, user.email);
      } catch (err) {
        if (err instanceof IncidentStateError) continue; // resolved meanwhile
        throw err;
      }
      acknowledged.push(id);
      await this.audit.record({
        actor: { id: user.id, email: user.email, address: null },
        action: 'incident.ack',
        target: `incident:${id}`,
        changes: { via: 'telegram' },
      });
    }
    this.logger.log({ event: 'telegram.ack', user: user.id, incidents: acknowledged });
    return { outcome: 'acknowledged', language, incidentIds: acknowledged };
  }
}
