import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { ResultsStream } from '../ingest/results-stream';
import { RESULTS_CHANNEL } from '../leadership/leader-lock';
import { LeadershipService } from '../leadership/leadership.service';
import { formatResultsNotice } from '../leadership/results-notice';

/**
 * On a follower: tells the leader (NOTIFY on its lock session's channel) that results became
 * durable here, with their earliest time, so its detector reads them back from check_results.
 * The leader's own results reach its detector in process; a lone node never sends a notice.
 * A notice lost in a leader change is covered by the new leader's catch-up read at start.
 */
@Injectable()
export class ResultsRelayService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ResultsRelay');
  private subscription: Subscription | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly results?: ResultsStream,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  onModuleInit(): void {
    const leadership = this.leadership;
    if (!this.results || !leadership) return;
    this.subscription = this.results.results$.subscribe((rows) => {
      if (leadership.isLeader || rows.length === 0) return;
      let fromMs = Infinity;
      for (const r of rows) fromMs = Math.min(fromMs, r.time.getTime());
      this.dataSource
        .query('SELECT pg_notify($1, $2)', [
          RESULTS_CHANNEL,
          formatResultsNotice({ node: leadership.nodeId, fromMs }),
        ])
        .catch((err: unknown) =>
          this.logger.warn({
            event: 'results_relay.notify_failed',
            err: err instanceof Error ? err.message : String(err),
          }),
        );
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
