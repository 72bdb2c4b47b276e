import { Inject, Injectable } from '@nestjs/common';
import { SQL_EXECUTOR, SqlExecutor } from '../../database/sql-executor';

export interface HeartbeatCheck {
  id: number;
  key: string;
  intervalMs: number;
  graceMs: number;
  regions: string[];
  createdAt: number;
}

@Injectable()
export class HeartbeatRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  /** Records a beat for the enabled heartbeat check with this push token; its id, or undefined. */
  async recordBeat(pushToken: string, at: Date): Promise<number | undefined> {
    const rows = await this.db.query<{ check_id: number }>(
      `INSERT INTO heartbeat_beats (check_id, last_beat_at)
       SELECT k.id, $2::timestamptz FROM checks k
         JOIN systems s ON s.id = k.system_id
        WHERE k.push_token = $1 AND k.kind = 'heartbeat' AND k.enabled AND s.enabled
       ON CONFLICT (check_id) DO UPDATE SET last_beat_at = GREATEST(heartbeat_beats.last_beat_at, EXCLUDED.last_beat_at)
       RETURNING check_id`,
      [pushToken, at],
    );
    return rows[0] ? Number(rows[0].check_id) : undefined;
  }

  async listChecks(): Promise<HeartbeatCheck[]> {
    const rows = await this.db.query<{
      id: number;
      key: string;
      interval_s: string;
      options: Record<string, unknown>;
      regions: string[];
      created_at: Date;
    }>(
      `SELECT k.id, k.key, k.interval_s, k.options, k.regions, k.created_at FROM checks k
         JOIN systems s ON s.id = k.system_id
         JOIN agencies a ON a.id = s.agency_id
        WHERE k.kind = 'heartbeat' AND k.enabled AND s.enabled AND a.enabled`,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      key: r.key,
      intervalMs: Math.round(Number(r.interval_s) * 1000),
      graceMs: Math.round(Number(r.options?.grace_s ?? 0) * 1000),
      regions: r.regions,
      createdAt: new Date(r.created_at).getTime(),
    }));
  }

  async lastBeats(): Promise<Map<number, number>> {
    const rows = await this.db.query<{ check_id: number; last_beat_at: Date }>('SELECT check_id, last_beat_at FROM heartbeat_beats');
    return new Map(rows.map((r) => [Number(r.check_id), new Date(r.last_beat_at).getTime()]));
  }
}
