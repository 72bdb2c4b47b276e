import type { Role } from '@kuzet/contracts';
import type { SqlExecutor } from '../database/sql-executor';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  agency_id: number | null;
  /** The agency's code (joined), set only for agency operators. */
  agency: string | null;
  password_hash: string;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface NewUserRow {
  email: string;
  name: string;
  role: Role;
  agencyId: number | null;
  passwordHash: string;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  agencyId?: number | null;
  disabled?: boolean;
  passwordHash?: string;
}

/** pg_advisory_xact_lock key serialising user changes (other keys: catalog 7_317_001, migrations). */
const USER_CHANGES_LOCK_KEY = 7_317_002;

const SELECT = `SELECT u.id, u.email, u.name, u.role, u.agency_id, a.code AS agency, u.password_hash, u.disabled,
  u.created_at, u.updated_at FROM users u LEFT JOIN agencies a ON a.id = u.agency_id`;

/** Users and the ending of their sessions (constructed over any executor, so inside transactions too). */
export class UsersRepository {
  constructor(private readonly db: SqlExecutor) {}

  /**
   * Waits for every other user change to commit; held until this transaction ends. Changes then
   * run one after another and each sees the last one's result (no deadlock, no two admins
   * demoting each other into none).
   */
  async lockUserChanges(): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock($1)', [USER_CHANGES_LOCK_KEY]);
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    return (await this.db.query<UserRow>(`${SELECT} WHERE lower(u.email) = lower($1)`, [email]))[0];
  }

  async findById(id: number, forUpdate = false): Promise<UserRow | undefined> {
    const lock = forUpdate ? ' FOR UPDATE OF u' : '';
    return (await this.db.query<UserRow>(`${SELECT} WHERE u.id = $1${lock}`, [id]))[0];
  }

  list(): Promise<UserRow[]> {
    return this.db.query<UserRow>(`${SELECT} ORDER BY u.id`);
  }

  async agencyId(code: string): Promise<number | undefined> {
    const rows = await this.db.query<{ id: number }>('SELECT id FROM agencies WHERE code = $1', [code]);
    return rows[0]?.id;
  }

  /** The agency that owns a system (demo seeding binds the operator through its system). */
  async agencyOfSystem(systemCode: string): Promise<{ id: number; code: string } | undefined> {
    const rows = await this.db.query<{ id: number; code: string }>(
      'SELECT a.id, a.code FROM systems s JOIN agencies a ON a.id = s.agency_id WHERE s.code = $1',
      [systemCode],
    );
    return rows[0];
  }

  async countEnabledAdmins(): Promise<number> {
    const rows = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`);
    return rows[0].n;
  }

  /** Inserts unless the e-mail is taken; undefined then. */
  async insert(user: NewUserRow): Promise<number | undefined> {
    const rows = await this.db.query<{ id: number }>(
      `INSERT INTO users (email, name, role, agency_id, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [user.email, user.name, user.role, user.agencyId, user.passwordHash],
    );
    return rows[0]?.id;
  }

  async update(id: number, changes: UserChanges): Promise<void> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (changes.name !== undefined) set('name', changes.name);
    if (changes.role !== undefined) set('role', changes.role);
    if (changes.agencyId !== undefined) set('agency_id', changes.agencyId);
    if (changes.disabled !== undefined) set('disabled', changes.disabled);
    if (changes.passwordHash !== undefined) {
      set('password_hash', changes.passwordHash);
      sets.push('password_changed_at = now()');
    }
    await this.db.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** Ends every session of the user, or every one but `keepSessionId`. */
  async endSessions(userId: number, keepSessionId?: number): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      'DELETE FROM sessions WHERE user_id = $1 AND ($2::bigint IS NULL OR id <> $2) RETURNING id',
      [userId, keepSessionId ?? null],
    );
    return rows.length;
  }
}
