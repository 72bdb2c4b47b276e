import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import { MAX_CHECK_INTERVAL_S } from '@kuzet/contracts';
import { PROBING_STALL_INTERVALS } from './probing-stall';
import type { ProbingActivity } from './probing-stall';

interface Row {
  checks: number | string;
  min_interval_s: number | string | null;
  last_result_at: Date | null;
}

/** How far back the latest result is looked for: the longest stall bound there can be. */
const LOOKBACK_S = PROBING_STALL_INTERVALS * MAX_CHECK_INTERVAL_S;
/** A stored result planned further ahead than this is not evidence of probing now. */
const FUTURE_SLACK_S = 60;

/** Probed checks and the latest stored result of one of them (from the database: any node's ingest counts). */
@Injectable()
export class ProbingActivityRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async activity(now: Date): Promise<ProbingActivity> {
    const [row] = await this.db.query<Row>(
      `WITH probed AS (
         SELECT k.id, k.interval_s
           FROM checks k
           JOIN systems s ON s.id = k.system_id
           JOIN agencies a ON a.id = s.agency_id
          WHERE k.enabled AND s.enabled AND a.enabled AND k.kind <> 'heartbeat')
       SELECT (SELECT count(*) FROM probed) AS checks,
              (SELECT min(interval_s)::float8 FROM probed) AS min_interval_s,
              (SELECT max(r.time) FROM check_results r
                WHERE r.time > $1::timestamptz - make_interval(secs => $2)
                  AND r.time <= $1::timestamptz + make_interval(secs => $3)
                  AND r.check_id IN (SELECT id FROM probed)) AS last_result_at`,
      [now, LOOKBACK_S, FUTURE_SLACK_S],
    );
    return {
      checks: Number(row.checks),
      minIntervalS: row.min_interval_s === null ? null : Number(row.min_interval_s),
      lastResultAt: row.last_result_at === null ? null : new Date(row.last_result_at),
    };
  }
}
