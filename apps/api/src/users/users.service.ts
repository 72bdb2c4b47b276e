import { Injectable, Optional } from '@nestjs/common';
import type { Role } from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../audit/audit-entry';
import { AuditRepository } from '../audit/audit.repository';
import { dataSourceExecutor, inTransaction, SqlExecutor } from '../database/sql-executor';
import { isConcurrencyFailure } from '../database/sql-state';
import { SessionsEndedEvents } from './sessions-ended.events';
import { PasswordHasher } from './password-hasher';
import { toUserView, UserView } from './user-view';
import { UserChangeConflictError, UserEmailTakenError, UserNotFoundError, UsersRequestError } from './users.errors';
import { UserChanges, UserRow, UsersRepository } from './users.repository';

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  agency?: string | null;
  password: string;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  agency?: string | null;
  disabled?: boolean;
  /** An admin's password reset. */
  password?: string;
}

/**
 * Users: create, change, disable, reset passwords. Each change and its audit entry commit in one
 * transaction; changing the role, agency or password, or disabling, ends the user's sessions.
 * Admin changes (create, update) run one at a time (an advisory lock) and re-check, under it,
 * that the acting user is still an enabled admin: two admins demoting each other get one 200
 * and one 409, never a deadlock or no admin at all.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    @Optional() private readonly sessionsEnded?: SessionsEndedEvents,
  ) {}

  async list(): Promise<UserView[]> {
    return (await new UsersRepository(dataSourceExecutor(this.dataSource)).list()).map(toUserView);
  }

  async get(id: number): Promise<UserView> {
    const row = await new UsersRepository(dataSourceExecutor(this.dataSource)).findById(id);
    if (!row) throw new UserNotFoundError(id);
    return toUserView(row);
  }

  async create(input: NewUser, actor: Actor): Promise<UserView> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.adminTx(actor, async (users, audit) => {
      const agencyId = await this.agencyFor(users, input.role, input.agency ?? null);
      const email = input.email.trim().toLowerCase();
      const id = await users.insert({ email, name: input.name ?? '', role: input.role, agencyId, passwordHash });
      if (id === undefined) throw new UserEmailTakenError(email);
      const row = (await users.findById(id))!;
      await audit.insert({
        actor,
        action: 'user.create',
        target: `user:${email}`,
        changes: { email, name: row.name, role: row.role, agency: row.agency },
      });
      return toUserView(row);
    });
  }

  async update(id: number, patch: UserPatch, actor: Actor): Promise<UserView> {
    const passwordHash = patch.password !== undefined ? await this.hasher.hash(patch.password) : undefined;
    let endedSessions = false;
    const view = await this.adminTx(actor, async (users, audit) => {
      const before = await users.findById(id, true);
      if (!before) throw new UserNotFoundError(id);
      const role = patch.role ?? before.role;
      // A role away from agency_operator drops the agency; keeping the role keeps it unless given.
      const agencyCode =
        patch.agency !== undefined ? patch.agency : role === 'agency_operator' ? before.agency : null;
      const agencyId = await this.agencyFor(users, role, agencyCode);
      const changes: UserChanges = {};
      const diff: Record<string, unknown> = {};
      if (patch.name !== undefined && patch.name !== before.name) {
        changes.name = patch.name;
        diff.name = { from: before.name, to: patch.name };
      }
      if (role !== before.role) {
        changes.role = role;
        diff.role = { from: before.role, to: role };
      }
      if (agencyId !== before.agency_id) {
        changes.agencyId = agencyId;
        diff.agency = { from: before.agency, to: agencyCode };
      }
      if (patch.disabled !== undefined && patch.disabled !== before.disabled) {
        changes.disabled = patch.disabled;
        diff.disabled = { from: before.disabled, to: patch.disabled };
      }
      if (passwordHash !== undefined) {
        changes.passwordHash = passwordHash;
        diff.password_reset = true;
      }
      const losesAdmin = before.role === 'admin' && !before.disabled && (role !== 'admin' || changes.disabled === true);
      if (losesAdmin && (await users.countEnabledAdmins()) <= 1)
        throw new UsersRequestError([
          { field: changes.disabled ? 'disabled' : 'role', message: 'the last enabled admin keeps its role and stays enabled' },
        ]);
      await users.update(id, changes);
      const endsSessions =
        changes.role !== undefined || changes.agencyId !== undefined || changes.disabled === true || passwordHash !== undefined;
      if (endsSessions) diff.sessions_ended = await users.endSessions(id);
      endedSessions = endsSessions;
      await audit.insert({ actor, action: updateAction(diff), target: `user:${before.email}`, changes: diff });
      return toUserView((await users.findById(id))!);
    });
    if (endedSessions) this.sessionsEnded?.emit({ userId: id });
    return view;
  }

  /** The command line's and start-up's password change, by e-mail; ends the user's sessions. */
  async setPassword(email: string, password: string, actor: Actor): Promise<UserView> {
    const row = await new UsersRepository(dataSourceExecutor(this.dataSource)).findByEmail(email);
    if (!row) throw new UserNotFoundError(email);
    return this.update(row.id, { password }, actor);
  }

  /** The user's own change: the current password must match; other sessions end, this one stays. */
  async changeOwnPassword(
    userId: number,
    current: string,
    next: string,
    keepSessionId: number,
    actor: Actor,
  ): Promise<boolean> {
    const passwordHash = await this.hasher.hash(next);
    const changed = await this.tx(async (users, audit) => {
      const row = await users.findById(userId, true);
      if (!row || !(await this.hasher.verify(current, row.password_hash))) return false;
      await users.update(userId, { passwordHash });
      const ended = await users.endSessions(userId, keepSessionId);
      await audit.insert({ actor, action: 'auth.password_change', target: `user:${row.email}`, changes: { sessions_ended: ended } });
      return true;
    });
    if (changed) this.sessionsEnded?.emit({ userId });
    return changed;
  }

  /** The row with its hash, for sign-in and start-up. */
  findByEmail(email: string): Promise<UserRow | undefined> {
    return new UsersRepository(dataSourceExecutor(this.dataSource)).findByEmail(email);
  }

  agencyOfSystem(systemCode: string): Promise<{ id: number; code: string } | undefined> {
    return new UsersRepository(dataSourceExecutor(this.dataSource)).agencyOfSystem(systemCode);
  }

  passwordMatches(row: UserRow, password: string): Promise<boolean> {
    return this.hasher.verify(password, row.password_hash);
  }

  private async agencyFor(users: UsersRepository, role: Role, agency: string | null): Promise<number | null> {
    if (role !== 'agency_operator') {
      if (agency) throw new UsersRequestError([{ field: 'agency', message: 'only an agency_operator has an agency' }]);
      return null;
    }
    if (!agency) throw new UsersRequestError([{ field: 'agency', message: 'an agency_operator needs an agency' }]);
    const id = await users.agencyId(agency);
    if (id === undefined) throw new UsersRequestError([{ field: 'agency', message: `unknown agency "${agency}"` }]);
    return id;
  }

  /**
   * An admin's change, serialised with every other. An actor with a user id (a signed-in admin,
   * not start-up or the command line) must still be an enabled admin once the lock is held: its
   * request passed the role check before a concurrent change could demote it.
   */
  private async adminTx<T>(actor: Actor, work: (users: UsersRepository, audit: AuditRepository) => Promise<T>): Promise<T> {
    try {
      return await this.tx(async (users, audit) => {
        await users.lockUserChanges();
        if (actor.id !== null) {
          const self = await users.findById(actor.id);
          if (!self || self.role !== 'admin' || self.disabled)
            throw new UserChangeConflictError('your account was changed meanwhile: you are no longer an enabled admin; nothing was changed');
        }
        return work(users, audit);
      });
    } catch (error) {
      if (isConcurrencyFailure(error))
        throw new UserChangeConflictError('the change met a concurrent change (changed meanwhile); nothing was changed, try again');
      throw error;
    }
  }

  private tx<T>(work: (users: UsersRepository, audit: AuditRepository) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql: SqlExecutor) => work(new UsersRepository(sql), new AuditRepository(sql)));
  }
}

/** One entry per change; the most telling action names it, the diff holds every field changed. */
function updateAction(diff: Record<string, unknown>): string {
  if ('role' in diff || 'agency' in diff) return 'user.role_change';
  if ('disabled' in diff) return (diff.disabled as { to: boolean }).to ? 'user.disable' : 'user.enable';
  if ('password_reset' in diff) return 'user.password_reset';
  return 'user.update';
}
