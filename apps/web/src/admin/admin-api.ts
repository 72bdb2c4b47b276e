import type { Role } from '@kuzet/contracts/auth/auth-api';

/** The header name of libs/contracts auth-api.ts (CSRF_HEADER); repeated to keep zod out of the bundle. */
const CSRF_HEADER = 'x-csrf-token';

/** A user as GET /api/users shows it (apps/api/src/users/user-view.ts). */
export interface AdminUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  agency: string | null;
  disabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface NewUserBody {
  email: string;
  name?: string;
  role: Role;
  agency?: string;
  password: string;
}

export interface UserPatchBody {
  name?: string;
  role?: Role;
  agency?: string | null;
  disabled?: boolean;
  password?: string;
}

/** One audit entry (apps/api/src/audit/audit-entry.ts AuditRecord). */
export interface AuditRecord {
  id: number;
  at: string;
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  target: string | null;
  changes: Record<string, unknown>;
  client_address: string | null;
}

export interface AuditPage {
  items: AuditRecord[];
  next_cursor: number | null;
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  /** ISO timestamps with an offset. */
  from?: string;
  to?: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An API refusal with the fields it names: the users and audit endpoints answer
 * `{message, errors: [{field, message}]}` on 400 and 409, which the board's ApiError drops.
 */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[],
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

async function refusal(res: Response): Promise<AdminApiError> {
  let message = res.statusText || `HTTP ${res.status}`;
  let problems: FieldProblem[] = [];
  try {
    const body = (await res.json()) as { message?: string | string[]; errors?: unknown };
    if (body.message) message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    if (Array.isArray(body.errors))
      problems = body.errors.filter(
        (p): p is FieldProblem => !!p && typeof p === 'object' && typeof (p as FieldProblem).field === 'string' && typeof (p as FieldProblem).message === 'string',
      );
  } catch {
    // not JSON: keep the status text
  }
  return new AdminApiError(res.status, message, problems);
}

/** Users and audit calls for /admin: same-origin cookie session, the session's CSRF token on writes. */
export class AdminApi {
  constructor(
    private readonly csrfToken: string,
    private readonly base = '',
  ) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers[CSRF_HEADER] = this.csrfToken;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw await refusal(res);
    return (await res.json()) as T;
  }

  users = () => this.request<AdminUser[]>('GET', '/api/users');
  createUser = (body: NewUserBody) => this.request<AdminUser>('POST', '/api/users', body);
  updateUser = (id: number, body: UserPatchBody) => this.request<AdminUser>('PATCH', `/api/users/${id}`, body);

  audit(filters: AuditFilters, cursor?: number, limit = 50): Promise<AuditPage> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
    if (cursor !== undefined) query.set('cursor', String(cursor));
    query.set('limit', String(limit));
    return this.request<AuditPage>('GET', `/api/audit?${query.toString()}`);
  }
}
