import { Inject, Injectable } from '@nestjs/common';
import type { ResultRecord } from '@kuzet/contracts';
import { SQL_EXECUTOR, SqlExecutor } from '../../database/sql-executor';
import { jsonWithoutNul, withoutNul } from './nul-free-text';

export interface LatestDetailsRow {
  check_id: number;
  region: string;
  time: Date;
  outcome: number;
  conditions: unknown[];
  details: Record<string, unknown>;
  error_message: string | null;
}

function values(records: readonly ResultRecord[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = records.map((r) => {
    const base = params.length;
    params.push(
      r.check_id,
      r.region,
      new Date(r.planned_at),
      r.outcome,
      // Quoted from the target: a NUL would make PostgreSQL refuse the whole row.
      JSON.stringify(jsonWithoutNul(r.conditions ?? [])),
      JSON.stringify(jsonWithoutNul(r.details ?? {})),
      r.error_message == null ? null : withoutNul(r.error_message),
    );
    return `($${base + 1}::integer, $${base + 2}::text, $${base + 3}::timestamptz, $${base + 4}::smallint, $${base + 5}::jsonb, $${base + 6}::jsonb, $${base + 7}::text)`;
  });
  return { sql: tuples.join(', '), params };
}

/** Conditions and run details (timings, TLS, headers): latest per check+region, and failures. */
@Injectable()
export class ResultDetailsRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  /** `records` must hold at most one per (check, region). Older than what is stored = ignored. */
  async upsertLatest(records: readonly ResultRecord[]): Promise<void> {
    if (records.length === 0) return;
    const { sql, params } = values(records);
    await this.db.query(
      `INSERT INTO check_latest_details (check_id, region, time, outcome, conditions, details, error_message)
       VALUES ${sql}
       ON CONFLICT (check_id, region) DO UPDATE
         SET time = EXCLUDED.time, outcome = EXCLUDED.outcome, conditions = EXCLUDED.conditions,
             details = EXCLUDED.details, error_message = EXCLUDED.error_message
       WHERE check_latest_details.time <= EXCLUDED.time`,
      params,
    );
  }

  async insertFailures(records: readonly ResultRecord[]): Promise<void> {
    if (records.length === 0) return;
    const { sql, params } = values(records);
    await this.db.query(
      `INSERT INTO check_failure_details (check_id, region, time, outcome, conditions, details, error_message)
       VALUES ${sql} ON CONFLICT DO NOTHING`,
      params,
    );
  }

  async latestFor(checkId: number): Promise<LatestDetailsRow[]> {
    return this.db.query<LatestDetailsRow>('SELECT * FROM check_latest_details WHERE check_id = $1 ORDER BY region', [checkId]);
  }

  /** Failure details of some runs of one check, by (region, time). */
  async failuresAt(checkId: number, from: Date, to: Date): Promise<LatestDetailsRow[]> {
    return this.db.query<LatestDetailsRow>(
      'SELECT * FROM check_failure_details WHERE check_id = $1 AND time >= $2 AND time <= $3',
      [checkId, from, to],
    );
  }
}
