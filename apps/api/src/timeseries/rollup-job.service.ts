import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../database/sql-executor';
import { StorageModeService } from '../database/storage-mode.service';
import { followerSkips } from '../leadership/leader-only';
import { LeadershipService } from '../leadership/leadership.service';
import { JobRunsService } from './job-runs.service';
import { PeriodicJob } from './periodic-job';
import { PlainRollupResult, refreshPlainRollup } from './plain-rollup';
import { ROLLUP_RESOLUTIONS, ROLLUP_SPECS, RollupResolution } from './rollup-resolution';
import { TimeseriesError } from './timeseries.errors';

/**
 * PostgreSQL mode only: keeps check_rollup_1m/1h/1d current (see plain-rollup.ts), every
 * 30 s, 5 min and 30 min respectively. In TimescaleDB mode the continuous aggregate policies
 * do this and the service stays idle.
 */
@Injectable()
export class RollupJobService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RollupJobService.name);
  private readonly jobs: PeriodicJob[] = [];

  constructor(
    private readonly storageMode: StorageModeService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerRegistry,
    private readonly runs: JobRunsService,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.storageMode.getMode() !== 'postgresql') return;
    for (const resolution of ROLLUP_RESOLUTIONS) {
      const job = new PeriodicJob(
        this.scheduler,
        `kuzet-rollup-${resolution}`,
        ROLLUP_SPECS[resolution].plainJobEveryMs,
        async () => {
          await this.runOnce(resolution);
        },
        this.logger,
        this.runs,
        () => followerSkips(this.leadership),
      );
      job.start();
      this.jobs.push(job);
    }
    this.logger.log('rollup jobs scheduled (postgresql mode): 1m every 30s, 1h every 5min, 1d every 30min');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.jobs.map((job) => job.stop()));
  }

  /** Recomputes the invalidated buckets of one resolution now. */
  async runOnce(resolution: RollupResolution, now: Date = new Date()): Promise<PlainRollupResult> {
    if (this.storageMode.getMode() !== 'postgresql') {
      throw new TimeseriesError('rollups are continuous aggregates in timescaledb mode; nothing to run');
    }
    const t0 = Date.now();
    const result = await inTransaction(this.dataSource, (tx) => refreshPlainRollup(tx, resolution, now));
    if (result.invalidations > 0) {
      this.logger.log(
        `rollup ${resolution}: ${result.rows} rows from ${result.ranges.length} ranges (${result.invalidations} invalidations) in ${Date.now() - t0}ms`,
      );
    }
    return result;
  }

  async runAll(now: Date = new Date()): Promise<PlainRollupResult[]> {
    const results: PlainRollupResult[] = [];
    for (const resolution of ROLLUP_RESOLUTIONS) results.push(await this.runOnce(resolution, now));
    return results;
  }
}
