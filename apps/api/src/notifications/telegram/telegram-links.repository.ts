import { Injectable } from '@nestjs/common';
import type { Role } from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import { dataSourceExecutor, SqlExecutor } from '../../database/sql-executor';
import type { AlertLanguage } from '../channels/notification-channel';

/** A Kuzet user as a Telegram button press acts for it. */
export interface LinkedUser {
  id: number;
  email: string;
  role: Role;
  /** Agency code of an agency operator. */
  agency: string | null;
  disabled: boolean;
}

/** The incidents one acknowledgement token stands for, and the language of its message. */
export interface AckTarget {
  language: AlertLanguage;
  incidents: { id: number; agencyCode: string; open: boolean }[];
}

const at = (v: number) => new Date(v);

/** Link codes, Telegram user -> Kuzet user links, and acknowledgement tokens. */
@Injectable()
export class TelegramLinksRepository {
  private readonly sql: SqlExecutor;

  constructor(dataSource: DataSource) {
    this.sql = dataSourceExecutor(dataSource);
  }

  /** Stores a fresh code's hash; the user's older codes stop working. */
  async replaceCode(userId: number, codeHash: string, now: number, expiresAt: number): Promise<void> {
    await this.sql.query('DELETE FROM telegram_link_codes WHERE user_id = $1 OR expires_at < $2', [userId, at(now)]);
    await this.sql.query('INSERT INTO telegram_link_codes (code_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
      codeHash,
      userId,
      at(expiresAt),
    ]);
  }

  /** Uses up a code (one time): the user it was made for, unless unknown or expired. */
  async consumeCode(codeHash: string, now: number): Promise<number | undefined> {
    const rows = await this.sql.query<{ user_id: number; expires_at: Date }>(
      'DELETE FROM telegram_link_codes WHERE code_hash = $1 RETURNING user_id, expires_at',
      [codeHash],
    );
    const row = rows[0];
    if (!row || new Date(row.expires_at).getTime() <= now) return undefined;
    return Number(row.user_id);
  }

  /** Links a Telegram user to a Kuzet user, replacing either side's earlier link. */
  async link(telegramUserId: number, userId: number, now: number): Promise<void> {
    await this.sql.query('DELETE FROM telegram_links WHERE telegram_user_id = $1 OR user_id = $2', [telegramUserId, userId]);
    await this.sql.query('INSERT INTO telegram_links (telegram_user_id, user_id, linked_at) VALUES ($1, $2, $3)', [
      telegramUserId,
      userId,
      at(now),
    ]);
  }

  async user(userId: number): Promise<LinkedUser | undefined> {
    return (await this.users('u.id = $1', userId))[0];
  }

  async linkedUser(telegramUserId: number): Promise<LinkedUser | undefined> {
    return (await this.users('u.id = (SELECT user_id FROM telegram_links WHERE telegram_user_id = $1)', telegramUserId))[0];
  }

  async ackTarget(token: string): Promise<AckTarget | undefined> {
    const rows = await this.sql.query<{ language: AlertLanguage; incident_ids: string[] }>(
      'SELECT language, incident_ids FROM notification_outbox WHERE ack_token = $1',
      [token],
    );
    if (!rows[0]) return undefined;
    const incidents = await this.sql.query<{ id: string; code: string; state: string }>(
      'SELECT i.id, a.code, i.state FROM incidents i JOIN agencies a ON a.id = i.agency_id WHERE i.id = ANY($1::bigint[]) ORDER BY i.id',
      [rows[0].incident_ids],
    );
    return { language: rows[0].language, incidents: incidents.map((r) => ({ id: Number(r.id), agencyCode: r.code, open: r.state === 'open' })) };
  }

  private async users(where: string, key: number): Promise<LinkedUser[]> {
    const rows = await this.sql.query<{ id: number; email: string; role: Role; agency: string | null; disabled: boolean }>(
      `SELECT u.id, u.email, u.role, a.code AS agency, u.disabled FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE ${where}`,
      [key],
    );
    return rows.map((r) => ({ id: Number(r.id), email: r.email, role: r.role, agency: r.agency, disabled: r.disabled }));
  }
}
