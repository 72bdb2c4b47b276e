import { constants } from 'node:crypto';
import type { SecureVersion } from 'node:tls';
import { TLS_VERSIONS, TlsVersion } from '../fleet/fleet.types';

export interface TlsVersionOptions {
  minVersion: SecureVersion;
  maxVersion: SecureVersion;
  /** SSL_OP_NO_* bits for versions inside [min, max] that are not offered (legacy-windows skips TLSv1.1). */
  secureOptions: number;
  /** Only set when TLSv1/1.1 are offered: OpenSSL 3 refuses them below security level 0. */
  ciphers?: string;
}

const NO_FLAG: Record<TlsVersion, number> = {
  TLSv1: constants.SSL_OP_NO_TLSv1,
  'TLSv1.1': constants.SSL_OP_NO_TLSv1_1,
  'TLSv1.2': constants.SSL_OP_NO_TLSv1_2,
  'TLSv1.3': constants.SSL_OP_NO_TLSv1_3,
};

/** Server options that accept exactly the given versions and no other. */
export function tlsVersionOptions(versions: readonly TlsVersion[]): TlsVersionOptions {
  if (versions.length === 0) throw new Error('tlsVersionOptions: no TLS version given');
  const indexes = versions.map((v) => TLS_VERSIONS.indexOf(v));
  const lo = Math.min(...indexes);
  const hi = Math.max(...indexes);
  let secureOptions = 0;
  for (let i = lo; i <= hi; i++) {
    if (!indexes.includes(i)) secureOptions |= NO_FLAG[TLS_VERSIONS[i]];
  }
  const options: TlsVersionOptions = {
    minVersion: TLS_VERSIONS[lo],
    maxVersion: TLS_VERSIONS[hi],
    secureOptions,
  };
  // Modern personas keep OpenSSL's default cipher list, so a scorer sees what they would serve.
  if (lo < TLS_VERSIONS.indexOf('TLSv1.2')) options.ciphers = 'DEFAULT:@SECLEVEL=0';
  return options;
}
