import type { Role } from '@kuzet/contracts';
import type { SqlExecutor } from '../database/sql-executor';

export interface SessionRow {
  session_id: number;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
  /** Seconds since the expiry was last extended (by the database clock). */
  idle_s: number;
  user_id: number;
  email: string;
  name: string;
  role: Role;
  agency: string | null;
}

/** Sessions by the sha256 of their token; only live sessions of enabled users are found. */
export class SessionsRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(userId: number, hash: string, csrf: string, ttlMs: number, address: string | null): Promise<{ id: number; expires_at: Date }> {
    const rows = await this.db.query<{ id: string; expires_at: Date }>(
      `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at, client_address)
       VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', $5) RETURNING id, expires_at`,
      [userId, hash, csrf, ttlMs, address],
    );
    return { id: Number(rows[0].id), expires_at: rows[0].expires_at };
  }

  async findLive(hash: string): Promise<SessionRow | undefined> {
    const rows = await this.db.query<SessionRow & { session_id: string }>(
      `SELECT s.id AS session_id, s.csrf_token, s.expires_at, s.last_seen_at,
              extract(epoch FROM now() - s.last_seen_at)::float8 AS idle_s,
              u.id AS user_id, u.email, u.name, u.role, a.code AS agency
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
      [hash],
    );
    return rows[0] ? { ...rows[0], session_id: Number(rows[0].session_id) } : undefined;
  }

  /** Sliding expiry: now + ttl. */
  async touch(sessionId: number, ttlMs: number): Promise<Date> {
    const rows = await this.db.query<{ expires_at: Date }>(
      `UPDATE sessions SET last_seen_at = now(), expires_at = now() + $2 * interval '1 millisecond'
        WHERE id = $1 RETURNING expires_at`,
      [sessionId, ttlMs],
    );
    return rows[0]?.expires_at;
  }

  async deleteByHash(hash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
  }

  async deleteExpired(): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE expires_at <= now()');
  }
}
