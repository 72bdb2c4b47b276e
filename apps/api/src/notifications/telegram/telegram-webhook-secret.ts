import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Whether Telegram's X-Telegram-Bot-Api-Secret-Token header carries the configured secret.
 * Compared in constant time over sha256 digests (equal lengths whatever was sent); without a
 * configured secret nothing matches.
 */
export function telegramSecretMatches(header: string | string[] | undefined, secret: string | undefined): boolean {
  if (secret === undefined) return false;
  const given = typeof header === 'string' ? header : '';
  return timingSafeEqual(digest(given), digest(secret)) && given.length > 0;
}
