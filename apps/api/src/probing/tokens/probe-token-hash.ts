import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Probe tokens: 32 random bytes, base64url, prefixed so a leaked one is recognisable. */
export const PROBE_TOKEN_PREFIX = 'kzp_';

export function generateProbeToken(random: (n: number) => Buffer = randomBytes): string {
  return `${PROBE_TOKEN_PREFIX}${random(32).toString('base64url')}`;
}

/** sha256 hex of the token: what is stored. A fast hash is right here: the token is 256 random bits. */
export function hashProbeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function probeTokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashProbeToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
