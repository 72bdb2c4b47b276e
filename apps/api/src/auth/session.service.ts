import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceExecutor } from '../database/sql-executor';
import { SessionAuthenticator } from './session-authenticator';
import { sessionTokenOf } from './session-cookie';
import { newToken, tokenHash } from './session-token';
import { SessionRow, SessionsRepository } from './sessions.repository';

/** A resolved session: its user, CSRF token and expiry, and whether the expiry just slid. */
export interface ActiveSession {
  id: number;
  user: SessionUser;
  csrfToken: string;
  expiresAt: Date;
  refreshed: boolean;
}

/** Extend a session's expiry at most this often, so a busy page does not write on every call. */
const TOUCH_EVERY_S = 60;

/**
 * Sessions in PostgreSQL: the cookie carries a random token, the table its sha256 and the CSRF
 * token. Expiry slides by config.auth.sessionTtlMs. Also the SessionAuthenticator of the sockets.
 */
@Injectable()
export class SessionService extends SessionAuthenticator {
  private readonly sessions: SessionsRepository;

  constructor(
    dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    super();
    this.sessions = new SessionsRepository(dataSourceExecutor(dataSource));
  }

  get ttlMs(): number {
    return this.config.auth.sessionTtlMs;
  }

  async create(userId: number, address: string | null): Promise<{ token: string; csrfToken: string; expiresAt: Date; id: number }> {
    await this.sessions.deleteExpired();
    const token = newToken();
    const csrfToken = newToken();
    const row = await this.sessions.insert(userId, tokenHash(token), csrfToken, this.ttlMs, address);
    return { token, csrfToken, expiresAt: new Date(row.expires_at), id: row.id };
  }

  /** The live session of a token, sliding its expiry; null when unknown, expired or the user is disabled. */
  async resolve(token: string | undefined): Promise<ActiveSession | null> {
    if (!token || token.length > 200) return null;
    const row = await this.sessions.findLive(tokenHash(token));
    if (!row) return null;
    let expiresAt = new Date(row.expires_at);
    let refreshed = false;
    if (row.idle_s >= TOUCH_EVERY_S) {
      expiresAt = new Date(await this.sessions.touch(row.session_id, this.ttlMs));
      refreshed = true;
    }
    return { id: row.session_id, user: toSessionUser(row), csrfToken: row.csrf_token, expiresAt, refreshed };
  }

  async end(token: string): Promise<void> {
    await this.sessions.deleteByHash(tokenHash(token));
  }

  async authenticate(cookieHeader: string | undefined): Promise<SessionUser | null> {
    return (await this.resolve(sessionTokenOf(cookieHeader)))?.user ?? null;
  }
}

function toSessionUser(row: SessionRow): SessionUser {
  return { id: row.user_id, email: row.email, name: row.name, role: row.role, agency: row.agency };
}
