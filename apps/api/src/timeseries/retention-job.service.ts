import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import { StorageModeService } from '../database/storage-mode.service';
import { buildRetentionDeleteBatch } from './check-results.sql';
import { followerSkips } from '../leadership/leader-only';
import { LeadershipService } from '../leadership/leadership.service';
import { JobRunsService } from './job-runs.service';
import { PeriodicJob } from './periodic-job';
import { retentionSettings } from './retention-settings';
import { ROLLUP_SPECS } from './rollup-resolution';

const DAY_MS = 86_400_000;
const EVERY_MS = 60 * 60_000;
export const RETENTION_BATCH_ROWS = 5_000;
/** Per relation and run; the rest goes next hour (bounded work, short transactions). */
export const RETENTION_MAX_BATCHES = 200;

export interface RetentionTarget {
  relation: string;
  timeColumn: 'time' | 'bucket';
  keepDays: number;
}

/** PostgreSQL mode only: hourly batched deletes (TimescaleDB mode uses retention policies). */
@Injectable()
export class RetentionJobService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionJobService.name);
  private job: PeriodicJob | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly storageMode: StorageModeService,
    @Inject(SQL_EXECUTOR) private readonly db: SqlExecutor,
    private readonly scheduler: SchedulerRegistry,
    private readonly runs: JobRunsService,
    @Optional() private readonly leadership?: LeadershipService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.storageMode.getMode() !== 'postgresql') return;
    this.job = new PeriodicJob(
      this.scheduler,
      'kuzet-retention',
      EVERY_MS,
      async () => {
        await this.runOnce();
      },
      this.logger,
      this.runs,
      () => followerSkips(this.leadership),
    );
    this.job.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.job?.stop();
  }

  targets(): RetentionTarget[] {
    const s = retentionSettings(this.config);
    return [
      { relation: 'check_results', timeColumn: 'time', keepDays: s.rawDays },
      { relation: ROLLUP_SPECS['1m'].relation, timeColumn: 'bucket', keepDays: s.minuteRollupDays },
      { relation: ROLLUP_SPECS['1h'].relation, timeColumn: 'bucket', keepDays: s.rollupDays },
      { relation: ROLLUP_SPECS['1d'].relation, timeColumn: 'bucket', keepDays: s.rollupDays },
    ];
  }

  /** Deletes what is older than each target's retention; returns rows deleted per relation. */
  async runOnce(now: Date = new Date()): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const target of this.targets()) {
      const cutoff = new Date(now.getTime() - target.keepDays * DAY_MS);
      const sql = buildRetentionDeleteBatch(target.relation, target.timeColumn);
      let total = 0;
      for (let batch = 0; batch < RETENTION_MAX_BATCHES; batch++) {
        const rows = await this.db.query<{ deleted: number }>(sql, [cutoff, RETENTION_BATCH_ROWS]);
        const n = rows[0]?.deleted ?? 0;
        total += n;
        if (n < RETENTION_BATCH_ROWS) break;
      }
      deleted[target.relation] = total;
      if (total > 0)
        this.logger.log(
          `retention: deleted ${total} rows of ${target.relation} older than ${cutoff.toISOString()}`,
        );
    }
    return deleted;
  }
}
