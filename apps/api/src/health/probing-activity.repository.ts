import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import { MAX_CHECK_INTERVAL_S } from '@kuzet/contracts';
import { PROBING_STALL_INTERVALS } from './probing-stall';
import type { ProbingActivity } from './probing-stall';

interface ProbedRow {
  checks: number | string;
  min_interval_s: number | string | null;
}

/** How far back the latest result is looked for: the longest stall bound there can be. */
const LOOKBACK_S = PROBING_STALL_INTERVALS * MAX_CHECK_INTERVAL_S;
/** A stored result planned further ahead than this is not evidence of probing now. */
const FUTURE_SLACK_S = 60;
/**
 * The probed checks' count and smallest interval are read again after this long. Why: counting
 * 20,000 checks is ~30 ms of database time, and health asks every second; a catalog change
 * reaches the stall judgment 10 s late at most, against a stall bound of at least 60 s.
 */
export const PROBED_CHECKS_TTL_MS = 10_000;

const PROBED = `SELECT k.id, k.interval_s
                  FROM checks k
                  JOIN systems s ON s.id = k.system_id
                  JOIN agencies a ON a.id = s.agency_id
                 WHERE k.enabled AND s.enabled AND a.enabled AND k.kind <> 'heartbeat'`;

/** Probed checks and the latest stored result of one of them (from the database: any node's ingest counts). */
@Injectable()
export class ProbingActivityRepository {
  private probed: { at: number; checks: number; minIntervalS: number | null } | undefined;

  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async activity(now: Date): Promise<ProbingActivity> {
    const [probed, lastResultAt] = await Promise.all([this.probedChecks(now.getTime()), this.lastResultAt(now)]);
    return { checks: probed.checks, minIntervalS: probed.minIntervalS, lastResultAt };
  }

  private async probedChecks(nowMs: number): Promise<{ checks: number; minIntervalS: number | null }> {
    if (this.probed && nowMs - this.probed.at >= 0 && nowMs - this.probed.at < PROBED_CHECKS_TTL_MS) return this.probed;
    const [row] = await this.db.query<ProbedRow>(`SELECT count(*) AS checks, min(p.interval_s)::float8 AS min_interval_s FROM (${PROBED}) p`);
    this.probed = { at: nowMs, checks: Number(row.checks), minIntervalS: row.min_interval_s === null ? null : Number(row.min_interval_s) };
    return this.probed;
  }

  /**
   * The newest row first, down the time index, until one of a probed check: one index step in
   * practice. (max(time) over the window read every row of it: 170 ms at 110,000 rows, growing
   * with the data.)
   */
  private async lastResultAt(now: Date): Promise<Date | null> {
    const rows = await this.db.query<{ time: Date }>(
      `SELECT r.time FROM check_results r
        WHERE r.time > $1::timestamptz - make_interval(secs => $2)
          AND r.time <= $1::timestamptz + make_interval(secs => $3)
          AND r.check_id IN (SELECT id FROM (${PROBED}) p)
        ORDER BY r.time DESC
        LIMIT 1`,
      [now, LOOKBACK_S, FUTURE_SLACK_S],
    );
    return rows.length === 0 ? null : new Date(rows[0].time);
  }
}
