import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { followerSkips } from '../leadership/leader-only';
import { LeadershipService } from '../leadership/leadership.service';
import { Interval } from '@nestjs/schedule';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications/notifications.options';
import { DetectionClock } from '../detection/detection-clock';
import { updateRows } from './subscription-messages';
import { SubscriptionsUnitOfWork } from './subscriptions-unit-of-work';

/** Events taken per round. */
const BATCH = 100;
/** An event fanned out this long ago has no older event still to commit (no transaction lasts so long). */
const SETTLE_MS = 10 * 60_000;

/**
 * Turns incident events citizens see (opened, public update, resolved, on a public system) into
 * one outbox row per following subscriber. The events are written by the incidents in the
 * transaction of the change; here, in one transaction, the rows are queued and the event marked
 * done, so a crash loses nothing and a rolled-back change tells nobody. Each row's idempotency key
 * is per (subscription, incident, event): nothing is queued twice. The notifier delivers them.
 */
@Injectable()
export class SubscriptionFanoutService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SubscriptionFanoutService.name);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly uow: SubscriptionsUnitOfWork,
    private readonly clock: DetectionClock,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.tickMs > 0) this.schedule(this.options.tickMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round: returns how many events it fanned out. Tests call it directly. */
  async runOnce(): Promise<number> {
    const { publicUrl, giveUpAfterMs } = this.options;
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      await tx.subscriptions.advanceLowWater(now - SETTLE_MS);
      for (const id of await tx.subscriptions.endGoneWebhooks(now))
        this.logger.warn({ event: 'subscription.webhook_gone', subscription: id });
      const events = await tx.subscriptions.pendingEvents(await tx.subscriptions.lowWater(), BATCH);
      let messages = 0;
      for (const event of events) {
        const rows = updateRows(event, await tx.subscriptions.subscribersFor(event), publicUrl, now);
        await tx.outbox.insertOutbox(rows, giveUpAfterMs);
        messages += rows.length;
      }
      await tx.subscriptions.markFannedOut(events.map((e) => e.eventId), now);
      if (events.length > 0) this.logger.log({ event: 'subscription.fanout', incident_events: events.length, messages });
      return events.length;
    });
  }

  /** Hourly: sign-ups never confirmed are forgotten once their link has expired. */
  @Interval(3_600_000)
  async forgetExpiredSignUps(): Promise<number> {
    if (followerSkips(this.leadership)) return 0;
    try {
      const deleted = await this.uow.run((tx) => tx.subscriptions.deleteExpiredPending(this.clock.now()));
      if (deleted > 0) this.logger.log({ event: 'subscription.expired_forgotten', count: deleted });
      return deleted;
    } catch (err) {
      this.logger.warn({ event: 'subscription.expired_forget_failed', err: err instanceof Error ? err.message : String(err) });
      return 0;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      // Leader only, like the notifier that delivers what this queues.
      if (followerSkips(this.leadership)) return this.schedule(this.options.tickMs);
      let full = false;
      this.running = this.runOnce()
        .then((n) => void (full = n >= BATCH))
        .catch((err: unknown) =>
          this.logger.error({ event: 'subscription.fanout_failed', err: err instanceof Error ? err.message : String(err) }),
        )
        .finally(() => this.schedule(full ? 0 : this.options.tickMs));
    }, delayMs);
    this.timer.unref();
  }
}
