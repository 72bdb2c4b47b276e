import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import type { SessionView } from '@kuzet/contracts';
import type { Actor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../users/password-hasher';
import { SessionsEndedEvents } from '../users/sessions-ended.events';
import { UsersService } from '../users/users.service';
import { BAD_CREDENTIALS } from './auth.errors';
import { LoginRateLimiter } from './login-rate-limiter';
import { ActiveSession, SessionService } from './session.service';

/** 429 with the seconds to wait (the controller turns it into Retry-After). */
export class LoginRateLimitedError extends HttpException {
  constructor(
    readonly retryAfterS: number,
    what = 'sign-in attempts',
  ) {
    super(
      { statusCode: HttpStatus.TOO_MANY_REQUESTS, message: `too many ${what}; retry in ${retryAfterS} s` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
    this.name = 'LoginRateLimitedError';
  }
}

/** A hash to verify against when the e-mail is unknown, so both failures take as long. */
let decoyHash: Promise<string> | undefined;

/**
 * Sign-in, sign-out and one's own password change. Failed sign-ins are limited per (e-mail,
 * client address) and per address, wrong current passwords per user (LoginRateLimiter); every
 * sign-in attempt, good or bad, is an audit entry (auth.login / auth.login_failed).
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly sessionsEnded: SessionsEndedEvents,
  ) {}

  async login(email: string, password: string, address: string | null): Promise<{ token: string; view: SessionView }> {
    const normalized = email.trim().toLowerCase();
    const waitMs = await this.limiter.signInWaitMs(normalized, address);
    const anonymous: Actor = { id: null, email: normalized, address };
    if (waitMs > 0) {
      await this.audit.recordAfter({ actor: anonymous, action: 'auth.login_failed', target: `user:${normalized}`, changes: { reason: 'rate_limited' } });
      throw new LoginRateLimitedError(Math.ceil(waitMs / 1000));
    }
    const row = await this.users.findByEmail(normalized);
    decoyHash ??= this.hasher.hash('decoy password');
    const matches = row ? await this.users.passwordMatches(row, password) : await this.hasher.verify(password, await decoyHash);
    if (!row || !matches || row.disabled) {
      await this.limiter.recordSignInFailure(normalized, address);
      const reason = !row ? 'unknown_email' : !matches ? 'wrong_password' : 'disabled';
      await this.audit.recordAfter({ actor: { ...anonymous, id: row?.id ?? null }, action: 'auth.login_failed', target: `user:${normalized}`, changes: { reason } });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.limiter.recordSignInSuccess(normalized, address);
    const created = await this.sessions.create(row.id, address);
    await this.audit.recordAfter({ actor: { id: row.id, email: row.email, address }, action: 'auth.login', target: `user:${row.email}` });
    return {
      token: created.token,
      view: {
        user: { id: row.id, email: row.email, name: row.name, role: row.role, agency: row.agency },
        csrf_token: created.csrfToken,
        expires_at: created.expiresAt.toISOString(),
      },
    };
  }

  async logout(token: string, session: ActiveSession, address: string | null): Promise<void> {
    await this.sessions.end(token);
    this.sessionsEnded.emit({ userId: session.user.id });
    await this.audit.recordAfter({ actor: { id: session.user.id, email: session.user.email, address }, action: 'auth.logout', target: `user:${session.user.email}` });
  }

  /** False when the current password is wrong; 429 after too many wrong ones in a row. */
  async changePassword(session: ActiveSession, current: string, next: string, address: string | null): Promise<boolean> {
    const userId = session.user.id;
    const waitMs = await this.limiter.passwordChangeWaitMs(userId);
    if (waitMs > 0) throw new LoginRateLimitedError(Math.ceil(waitMs / 1000), 'wrong current passwords');
    const actor = { id: userId, email: session.user.email, address };
    const changed = await this.users.changeOwnPassword(userId, current, next, session.id, actor);
    if (changed) await this.limiter.recordPasswordChangeSuccess(userId);
    else await this.limiter.recordPasswordChangeFailure(userId);
    return changed;
  }

  view(session: ActiveSession): SessionView {
    return { user: session.user, csrf_token: session.csrfToken, expires_at: session.expiresAt.toISOString() };
  }
}
