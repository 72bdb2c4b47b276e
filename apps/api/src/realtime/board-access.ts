import type { IncomingHttpHeaders } from 'node:http';
import { agencyRoom, NATIONAL_ROOM, type SessionUser } from '@kuzet/contracts';

/**
 * The /board rooms a user is put in at connect (there is no join event: a client cannot choose).
 * Null: no room fits (an operator without an agency), so no connection.
 */
export function boardRoomsFor(user: SessionUser): string[] | null {
  switch (user.role) {
    case 'admin':
    case 'duty_officer':
    case 'viewer':
      return [NATIONAL_ROOM];
    case 'agency_operator':
      return user.agency ? [agencyRoom(user.agency)] : null;
    default:
      return null;
  }
}

/** The rooms an event about an agency goes to: the national room and the agency's own. */
export function boardRoomsOf(agency: string): string[] {
  return [NATIONAL_ROOM, agencyRoom(agency)];
}

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin on a WebSocket handshake, and
 * a page of another site would carry the victim's cookie; such handshakes are refused. No Origin
 * (a non-browser client, which must present the cookie itself) is allowed.
 */
export function isSameOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers['x-forwarded-host'];
  const hosts = [headers.host, ...(Array.isArray(forwarded) ? forwarded : (forwarded ?? '').split(','))]
    .map((h) => h?.trim().toLowerCase())
    .filter((h): h is string => !!h);
  return hosts.includes(host.toLowerCase());
}
