import { Inject, Injectable, Logger } from '@nestjs/common';
import { DetectionClock } from '../detection/detection-clock';
import { ComposeContext, composeEscalations, composeFlush, composeRepeat } from './alert-composer';
import { groupFlushAt } from './group-timing';
import { INFORMED_LEVEL } from './notification-records';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';
import type { NotificationsRepository } from './notifications.repository';
import { NotificationsUnitOfWork } from './notifications-unit-of-work';
import type { AgencyPolicy, NewOutboxRow } from './notification-records';
import { AckTokenSource, withAckTokens } from './telegram/ack-tokens';

/**
 * Turns alert intents into per-recipient notifications: per agency, one group that flushes after
 * group_wait / group_interval (see groupFlushAt), and escalations of alerted incidents nobody
 * acknowledged. Each agency's work is one transaction: intents consumed, outbox rows written.
 */
@Injectable()
export class AlertGrouperService {
  private readonly logger = new Logger(AlertGrouperService.name);

  constructor(
    private readonly uow: NotificationsUnitOfWork,
    private readonly clock: DetectionClock,
    private readonly ackTokens: AckTokenSource,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  /** Flushes every group that is due; returns the number of notifications written. */
  async flushDue(): Promise<number> {
    let written = 0;
    for (const agencyId of await this.uow.repo().agenciesWithPendingIntents())
      written += await this.uow.run((repo) => this.flushAgency(repo, agencyId));
    return written;
  }

  /** Writes the escalations that became due; returns the number of notifications written. */
  async escalateDue(): Promise<number> {
    let written = 0;
    for (const agencyId of await this.uow.repo().agenciesWithUnacknowledged())
      written += await this.uow.run(async (repo) => {
        const agency = await repo.agencyPolicy(agencyId);
        if (!agency || agency.policy.escalation.length === 0) return 0;
        const ctx = await this.context(repo, agency);
        const { rows, told } = composeEscalations(ctx, await repo.escalationCandidates(agencyId));
        await this.write(repo, rows);
        await repo.markTold(told, ctx.now);
        for (const t of told) this.logger.log(`escalated incident ${t.incidentId} to level ${t.level} (${agency.code})`);
        return rows.length;
      });
    return written;
  }

  /** Reminds of alerted, unresolved incidents every repeat_interval; returns notifications written. */
  async remindDue(): Promise<number> {
    let written = 0;
    for (const agencyId of await this.uow.repo().agenciesWithAlertedOpen())
      written += await this.uow.run(async (repo) => {
        const lastFlushedAt = await repo.lockGroup(agencyId);
        const agency = await repo.agencyPolicy(agencyId);
        if (lastFlushedAt === undefined || !agency) return 0;
        const ctx = await this.context(repo, agency);
        const rows = composeRepeat(ctx, lastFlushedAt, await repo.alertedOpen(agencyId));
        if (rows === null) return 0;
        await this.write(repo, rows);
        await repo.groupReminded(agencyId, ctx.now);
        this.logger.log(`group ${agency.code} reminded: ${rows.length} notifications`);
        return rows.length;
      });
    return written;
  }

  private async flushAgency(repo: NotificationsRepository, agencyId: number): Promise<number> {
    const now = this.clock.now();
    const times = await repo.touchGroup(agencyId, now);
    const agency = await repo.agencyPolicy(agencyId);
    if (!agency) return 0;
    const due = groupFlushAt(times, agency.policy);
    if (due === null || now < due) return 0;
    const intents = await repo.pendingIntents(agencyId);
    if (intents.length === 0) return 0;
    const ctx = await this.context(repo, agency);
    const result = composeFlush(ctx, intents, await repo.snapshots(intents.map((i) => i.incidentId)));
    await this.write(repo, result.rows);
    await repo.markTold(
      [
        ...result.alerted.map((incidentId) => ({ incidentId, level: 0 })),
        ...result.informed.map((incidentId) => ({ incidentId, level: INFORMED_LEVEL })),
      ],
      now,
    );
    await repo.clearAlerted(result.cleared);
    await repo.markProcessed(
      intents.map((i) => i.id),
      now,
    );
    await repo.groupFlushed(agencyId, now);
    this.logger.log(
      `group ${agency.code} flushed: ${intents.length} changes, ${result.alerted.length} alerted, ${result.cleared.length} resolved, ${result.informed.length} informational, ${result.rows.length} notifications`,
    );
    return result.rows.length;
  }

  /** Writes composed messages to the outbox, Telegram alerts with their acknowledgement token. */
  private async write(repo: NotificationsRepository, rows: readonly NewOutboxRow[]): Promise<void> {
    await repo.insertOutbox(withAckTokens(rows, this.ackTokens), this.options.giveUpAfterMs);
  }

  private async context(repo: NotificationsRepository, agency: AgencyPolicy): Promise<ComposeContext> {
    const base = this.options.publicUrl.replace(/\/+$/, '');
    return {
      agency,
      now: this.clock.now(),
      boardUrl: (id) => `${base}/board?incident=${id}`,
      disabled: await repo.disabledEndpoints(agency.id),
    };
  }
}
