/** Roles, strongest first. An agency operator is bound to one agency and sees only it. */
export const ROLES = ['admin', 'duty_officer', 'agency_operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The session cookie (httpOnly, SameSite=Lax) and the header that carries the CSRF token on writes. */
export const SESSION_COOKIE = 'kuzet_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The signed-in user as the API and the board see it. `agency` is set only for agency operators. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  agency: string | null;
}

/** Body of POST /api/auth/login and GET /api/auth/me: the user, and the CSRF token for writes. */
export interface SessionView {
  user: SessionUser;
  csrf_token: string;
  expires_at: string;
}

/**
 * Body of GET /api/auth/session: whether this browser is signed in, always with 200, so a
 * signed-out page load is not an error; signed in, the same fields as GET /api/auth/me.
 */
export type SessionProbe = { signed_in: false } | ({ signed_in: true } & SessionView);
