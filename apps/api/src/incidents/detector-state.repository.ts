import type { SqlExecutor } from '../database/sql-executor';
import type { DetectorStateWriter } from './incident-store';

/** detector_state: one JSON document per key (upserted in one statement per batch). */
export class DetectorStateRepository implements DetectorStateWriter {
  constructor(private readonly sql: SqlExecutor) {}

  /**
   * One JSON object {key: state} as the only parameter: a batch of 1,000 results saves up to
   * 3,000 documents (region, check, system), and a text[]/jsonb[] pair made the driver escape
   * every document into an array literal (decision 0009). A key given twice keeps its last state.
   */
  async save(entries: readonly { key: string; state: unknown }[]): Promise<void> {
    if (entries.length === 0) return;
    const states = Object.create(null) as Record<string, unknown>;
    for (const e of entries) states[e.key] = e.state;
    await this.sql.query(
      `INSERT INTO detector_state (key, state, updated_at)
       SELECT key, value, now() FROM jsonb_each($1::jsonb)
       ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(states)],
    );
  }

  async loadAll(): Promise<{ key: string; state: unknown }[]> {
    return this.sql.query<{ key: string; state: unknown }>('SELECT key, state FROM detector_state');
  }
}
