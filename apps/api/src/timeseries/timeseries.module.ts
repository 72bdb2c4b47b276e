import { Module } from '@nestjs/common';
import { CheckResultsRepository } from './check-results.repository';
import { JobRunsService } from './job-runs.service';
import { RetentionJobService } from './retention-job.service';
import { RollupJobService } from './rollup-job.service';
import { StoragePolicyService } from './storage-policy.service';

/**
 * check_results and its rollups. Needs, in the application: ConfigModule.forRoot(config),
 * DatabaseModule.forRoot() (global) and ScheduleModule.forRoot() (SchedulerRegistry).
 */
@Module({
  providers: [CheckResultsRepository, StoragePolicyService, RollupJobService, RetentionJobService, JobRunsService],
  exports: [CheckResultsRepository, StoragePolicyService, RollupJobService, JobRunsService],
})
export class TimeseriesModule {}
