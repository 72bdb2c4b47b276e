import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config';
import { followerSkips } from '../leadership/leader-only';
import { LeadershipService } from '../leadership/leadership.service';
import { PeriodicJob } from '../timeseries/periodic-job';
import { ScoringService } from './scoring.service';

const FIRST_RUN_TIMEOUT = 'kuzet-scoring-first-run';

/**
 * Runs the scorer every KUZET_SCORING_INTERVAL_S (never overlapping itself), and once
 * KUZET_SCORING_FIRST_RUN_S after boot, so a fresh demo has scores within a minute.
 */
@Injectable()
export class ScoringJobService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ScoringJobService.name);
  private job: PeriodicJob | undefined;
  private firstRun: Promise<unknown> | undefined;
  private last: Promise<void> = Promise.resolve();
  /** Aborted at shutdown: a run over thousands of systems stops between two systems. */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly config: AppConfig,
    private readonly scoring: ScoringService,
    private readonly scheduler: SchedulerRegistry,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  onApplicationBootstrap(): void {
    const skip = () => followerSkips(this.leadership);
    this.job = new PeriodicJob(this.scheduler, 'kuzet-scoring', this.config.scoring.intervalMs, () => this.run(), this.logger, undefined, skip);
    this.job.start();
    const timer = setTimeout(() => {
      this.scheduler.deleteTimeout(FIRST_RUN_TIMEOUT);
      if (followerSkips(this.leadership)) return;
      this.firstRun = this.run().catch((err: unknown) => this.logger.error(`first scoring run failed: ${String(err)}`));
    }, this.config.scoring.firstRunDelayMs);
    this.scheduler.addTimeout(FIRST_RUN_TIMEOUT, timer);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    if (this.scheduler.doesExist('timeout', FIRST_RUN_TIMEOUT)) this.scheduler.deleteTimeout(FIRST_RUN_TIMEOUT);
    await this.job?.stop();
    await this.firstRun;
  }

  /** Runs one after the other: the first run and an early interval tick never overlap. */
  private run(): Promise<void> {
    const next = this.last.then(async () => {
      if (this.shutdown.signal.aborted) return;
      try {
        await this.scoring.runOnce(this.shutdown.signal);
      } catch (err) {
        if (!this.shutdown.signal.aborted) throw err;
        this.logger.log({ msg: 'scoring run stopped by shutdown' });
      }
    });
    this.last = next.catch(() => undefined);
    return next;
  }
}
