import { Inject, Injectable } from '@nestjs/common';
import type { ResultRecord } from '@kuzet/contracts';
import { SQL_EXECUTOR, SqlExecutor } from '../../database/sql-executor';
import { jsonTextWithoutNul } from './nul-free-text';

export interface LatestDetailsRow {
  check_id: number;
  region: string;
  time: Date;
  outcome: number;
  conditions: unknown[];
  details: Record<string, unknown>;
  error_message: string | null;
}

/**
 * The records as one JSON array, the statement's only parameter, read by jsonb_to_recordset:
 * one parse in PostgreSQL and one JSON.stringify here, instead of seven placeholders a row (a
 * statement text that differed with every batch size). NUL is dropped from every string: quoted
 * from the target, it would make PostgreSQL refuse the whole batch.
 */
function recordsJson(records: readonly ResultRecord[]): string {
  return jsonTextWithoutNul(
    records.map((r) => ({
      check_id: r.check_id,
      region: r.region,
      time: new Date(r.planned_at).toISOString(),
      outcome: r.outcome,
      conditions: r.conditions ?? [],
      details: r.details ?? {},
      error_message: r.error_message ?? null,
    })),
  );
}

const RECORDS = `jsonb_to_recordset($1::jsonb)
  AS t(check_id integer, region text, time timestamptz, outcome smallint, conditions jsonb, details jsonb, error_message text)`;
const COLUMNS = 'check_id, region, time, outcome, conditions, details, error_message';

/** Conditions and run details (timings, TLS, headers): latest per check+region, and failures. */
@Injectable()
export class ResultDetailsRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  /** `records` must hold at most one per (check, region). Older than what is stored = ignored. */
  async upsertLatest(records: readonly ResultRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.query(
      `INSERT INTO check_latest_details (${COLUMNS})
       SELECT ${COLUMNS} FROM ${RECORDS}
       ON CONFLICT (check_id, region) DO UPDATE
         SET time = EXCLUDED.time, outcome = EXCLUDED.outcome, conditions = EXCLUDED.conditions,
             details = EXCLUDED.details, error_message = EXCLUDED.error_message
       WHERE check_latest_details.time <= EXCLUDED.time`,
      [recordsJson(records)],
    );
  }

  async insertFailures(records: readonly ResultRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db.query(`INSERT INTO check_failure_details (${COLUMNS}) SELECT ${COLUMNS} FROM ${RECORDS} ON CONFLICT DO NOTHING`, [
      recordsJson(records),
    ]);
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
