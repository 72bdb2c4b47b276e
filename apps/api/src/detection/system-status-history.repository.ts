import type { SqlExecutor } from '../database/sql-executor';
import type { StatusHistoryEntry, StatusHistoryWriter } from '../incidents/incident-store';

/**
 * system_status_history: every confirmed system status change, written in the detector's
 * transaction. Two changes of one system at the same result time keep the later one.
 */
export class SystemStatusHistoryRepository implements StatusHistoryWriter {
  constructor(private readonly sql: SqlExecutor) {}

  async record(entries: readonly StatusHistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const last = new Map<string, StatusHistoryEntry>();
    for (const e of entries) last.set(`${e.systemId}:${e.at}`, e);
    const rows = [...last.values()];
    await this.sql.query(
      `INSERT INTO system_status_history (system_id, at, status)
       SELECT * FROM unnest($1::integer[], $2::timestamptz[], $3::text[])
       ON CONFLICT (system_id, at) DO UPDATE SET status = EXCLUDED.status`,
      [rows.map((r) => r.systemId), rows.map((r) => new Date(r.at)), rows.map((r) => r.status)],
    );
  }
}
