import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import type { TimescaleJobRow } from './background-jobs';

/**
 * TimescaleDB's background jobs (policies, continuous aggregate refreshes) with their last run
 * (job_stats) and latest error (job_errors). Telemetry is left out: it is switched off in
 * deployments, and an offline one would always fail it.
 */
@Injectable()
export class TimescaleJobsRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async jobs(): Promise<TimescaleJobRow[]> {
    return this.db.query<TimescaleJobRow>(
      `SELECT j.proc_name, j.hypertable_name AS relation,
              s.last_run_started_at, s.last_successful_finish, s.last_run_status, s.total_failures,
              e.err_message AS last_error
         FROM timescaledb_information.jobs j
         LEFT JOIN timescaledb_information.job_stats s ON s.job_id = j.job_id
         LEFT JOIN LATERAL (
               SELECT x.err_message FROM timescaledb_information.job_errors x
                WHERE x.job_id = j.job_id ORDER BY x.finish_time DESC NULLS LAST LIMIT 1) e ON true
        WHERE j.scheduled AND j.proc_name <> 'policy_telemetry'
        ORDER BY j.proc_name, j.hypertable_name`,
    );
  }
}
