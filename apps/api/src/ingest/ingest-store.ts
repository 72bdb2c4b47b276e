import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import type { CheckResultRow } from '../timeseries/check-result';
import { CheckResultsRepository } from '../timeseries/check-results.repository';

/** The database side of ingest: one batch insert statement, and a health probe. */
@Injectable()
export class IngestStore {
  constructor(
    private readonly results: CheckResultsRepository,
    @Inject(SQL_EXECUTOR) private readonly db: SqlExecutor,
  ) {}

  /** Rows really inserted (duplicates of stored rows are ignored). */
  insert(rows: readonly CheckResultRow[]): Promise<number> {
    return this.results.insertBatch(rows);
  }

  /** Throws when the database cannot be reached or cannot write check_results. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1 FROM check_results LIMIT 0');
  }
}
