import type { SqlExecutor } from '../database/sql-executor';
import type { DetectorStateWriter } from './incident-store';

/** detector_state: one JSON document per key (upserted in one statement per batch). */
export class DetectorStateRepository implements DetectorStateWriter {
  constructor(private readonly sql: SqlExecutor) {}

  async save(entries: readonly { key: string; state: unknown }[]): Promise<void> {
    if (entries.length === 0) return;
    await this.sql.query(
      `INSERT INTO detector_state (key, state, updated_at)
       SELECT k, s, now() FROM unnest($1::text[], $2::jsonb[]) AS t(k, s)
       ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [entries.map((e) => e.key), entries.map((e) => JSON.stringify(e.state))],
    );
  }

  async loadAll(): Promise<{ key: string; state: unknown }[]> {
    return this.sql.query<{ key: string; state: unknown }>('SELECT key, state FROM detector_state');
  }
}
