import { Injectable } from '@nestjs/common';
import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * scrypt N = 2^15, r = 8, p = 3: one of OWASP's equivalent minimums (32 MiB per hash). Stored
 * with each hash, so raising them later only affects new hashes.
 */
const DEFAULTS = { N: 32768, r: 8, p: 3 } as const;
const KEY_BYTES = 64;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, { ...options, maxmem: 256 * options.N! * options.r! }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Password hashes as `scrypt$N$r$p$salt$key` (salt and key base64): a random salt per hash, the
 * parameters kept with it, compared in constant time. A malformed stored hash never matches.
 */
@Injectable()
export class PasswordHasher {
  constructor(private readonly params: { N: number; r: number; p: number } = DEFAULTS) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const { N, r, p } = this.params;
    const key = await derive(password, salt, KEY_BYTES, { N, r, p });
    return [PREFIX, N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== PREFIX) return false;
    const [N, r, p] = parts.slice(1, 4).map((x) => Number.parseInt(x, 10));
    const salt = Buffer.from(parts[4], 'base64');
    const expected = Buffer.from(parts[5], 'base64');
    if (![N, r, p].every((x) => Number.isSafeInteger(x) && x > 0) || expected.length === 0) return false;
    if (N > 1 << 20 || r > 32 || p > 16 || expected.length > 256) return false;
    const actual = await derive(password, salt, expected.length, { N, r, p });
    return timingSafeEqual(actual, expected);
  }
}
