import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Whether an Authorization header is `Bearer <token>`. Compared in constant time over sha256
 * digests (equal lengths whatever was sent), so timing tells nothing about the token.
 */
export function bearerTokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  const given = match ? match[1] : '';
  const same = timingSafeEqual(digest(given), digest(token));
  return match !== null && same;
}
