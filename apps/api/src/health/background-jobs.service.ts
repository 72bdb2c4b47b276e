import { Injectable } from '@nestjs/common';
import { StorageModeService } from '../database/storage-mode.service';
import { JobRunsService } from '../timeseries/job-runs.service';
import { BackgroundJobsHealth, judgeProcessJob, judgeTimescaleJob } from './background-jobs';
import { TimescaleJobsRepository } from './timescale-jobs.repository';

/**
 * What the database does in the background: TimescaleDB's jobs in timescaledb mode, this
 * process's rollup and retention jobs in postgresql mode.
 */
@Injectable()
export class BackgroundJobsService {
  constructor(
    private readonly storage: StorageModeService,
    private readonly timescaleJobs: TimescaleJobsRepository,
    private readonly runs: JobRunsService,
  ) {}

  /** Throws when TimescaleDB's job views cannot be read (the caller reports it as not ok). */
  async health(now: number): Promise<BackgroundJobsHealth> {
    if (this.storage.getMode() === 'timescaledb') {
      const jobs = (await this.timescaleJobs.jobs()).map(judgeTimescaleJob);
      return { ok: jobs.every((j) => j.ok), source: 'timescaledb', jobs };
    }
    const jobs = this.runs.list().map((run) => judgeProcessJob(run, now));
    return { ok: jobs.every((j) => j.ok), source: 'process', jobs };
  }
}
