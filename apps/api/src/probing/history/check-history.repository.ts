import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../../database/sql-executor';

export interface RawResultRow {
  time: Date;
  region: string;
  outcome: number;
  latency_ms: number | null;
  status_code: number | null;
  error_class: string | null;
}

@Injectable()
export class CheckHistoryRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async checkExists(checkId: number): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM checks WHERE id = $1', [checkId]);
    return rows.length > 0;
  }

  /** Newest first, keyset-paged on (time, region): rows strictly before the cursor. */
  async recent(checkId: number, limit: number, before?: { time: Date; region: string }): Promise<RawResultRow[]> {
    return this.db.query<RawResultRow>(
      `SELECT time, region, outcome, latency_ms, status_code, error_class
         FROM check_results
        WHERE check_id = $1
          AND ($2::timestamptz IS NULL OR (time, region) < ($2::timestamptz, $3::text))
        ORDER BY time DESC, region DESC
        LIMIT $4`,
      [checkId, before?.time ?? null, before?.region ?? '\u{10FFFF}', limit],
    );
  }
}
