import type { SessionUser } from '@kuzet/contracts';

/**
 * Resolves a request's session (the `kuzet_session` cookie in a Cookie header) to its user.
 * The auth module provides it; the socket.io /board gateway uses it in handleConnection.
 */
export abstract class SessionAuthenticator {
  /** The signed-in user, or null when the cookie is missing, unknown, expired or the user is disabled. */
  abstract authenticate(cookieHeader: string | undefined): Promise<SessionUser | null>;
}
