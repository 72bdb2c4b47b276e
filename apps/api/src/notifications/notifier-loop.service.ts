import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { followerSkips } from '../leadership/leader-only';
import { LeadershipService } from '../leadership/leadership.service';
import { AlertGrouperService } from './alert-grouper.service';
import { DeliveryWorkerService } from './delivery-worker.service';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';

/** Delivery rounds per tick at most, so one tick stays bounded however long the queue is. */
const MAX_ROUNDS_PER_TICK = 20;

/**
 * The notifier's bounded loop: every tick, flush due groups, write due escalations and reminders, then deliver
 * until the queue holds nothing due (at most MAX_ROUNDS_PER_TICK batches; with more left, the
 * next tick follows at once). A tick starts only after the previous one ended (a timer chain, not
 * an interval), so ticks never overlap.
 */
@Injectable()
export class NotifierLoopService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotifierLoopService.name);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly grouper: AlertGrouperService,
    private readonly worker: DeliveryWorkerService,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.tickMs > 0) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One tick: grouping, escalation, delivery. True when due rows may remain. Tests call it directly. */
  async runOnce(): Promise<boolean> {
    await this.grouper.flushDue();
    await this.grouper.escalateDue();
    await this.grouper.remindDue();
    for (let round = 0; round < MAX_ROUNDS_PER_TICK; round++)
      if ((await this.worker.deliverDue()) < this.options.batchSize) return false;
    return true;
  }

  /** The next tick after tickMs, or at once while a backlog remains (still one tick at a time). */
  private schedule(delayMs = this.options.tickMs): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      // Only the leader notifies; a follower keeps ticking idle, ready for a promotion.
      if (followerSkips(this.leadership)) return this.schedule();
      let more = false;
      this.running = this.runOnce()
        .then((m) => void (more = m))
        .catch((err: unknown) =>
          this.logger.error(`notifier tick failed: ${err instanceof Error ? err.message : String(err)}`),
        )
        .finally(() => this.schedule(more ? 0 : this.options.tickMs));
    }, delayMs);
    this.timer.unref();
  }
}
