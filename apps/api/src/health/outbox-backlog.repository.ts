import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';

export interface OutboxBacklog {
  /** Notifications not delivered yet (pending, failed and being sent). */
  unsent: number;
  /** Seconds the oldest due notification has waited past its attempt time; null when none is due. */
  oldestDueS: number | null;
}

/** The notification outbox as the database holds it (whichever node runs the notifier). */
@Injectable()
export class OutboxBacklogRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async backlog(now: Date): Promise<OutboxBacklog> {
    const [row] = await this.db.query<{ unsent: string; oldest_due_s: number | null }>(
      `SELECT count(*) AS unsent,
              extract(epoch FROM $1::timestamptz - min(next_attempt_at) FILTER (WHERE next_attempt_at <= $1::timestamptz))::float8 AS oldest_due_s
         FROM notification_outbox WHERE state IN ('pending', 'failed', 'sending')`,
      [now],
    );
    return { unsent: Number(row.unsent), oldestDueS: row.oldest_due_s === null ? null : Number(row.oldest_due_s) };
  }
}
