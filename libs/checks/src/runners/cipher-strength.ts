/**
 * Symmetric strength of a cipher suite in bits, read from its IANA name (TLS_AES_128_GCM_SHA256,
 * TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA) or its OpenSSL name (ECDHE-RSA-AES128-GCM-SHA256,
 * DES-CBC3-SHA). 3DES counts as 112 bits (its real strength, as the SSL Labs guide rates it);
 * null when the bulk cipher is not recognised.
 */
export function cipherStrengthBits(name: string | null | undefined): number | null {
  if (!name) return null;
  const suite = name.toUpperCase();
  if (/(^|[-_])NULL([-_]|$)/.test(suite)) return 0;
  if (/(^|[-_])EXP(ORT)?\d*([-_]|$)/.test(suite)) return 40;
  if (suite.includes('CHACHA20')) return 256;
  const sized = /(AES|CAMELLIA|ARIA|SEED)[-_]?(128|256)?/.exec(suite);
  if (sized) return sized[2] ? Number(sized[2]) : sized[1] === 'SEED' ? 128 : null;
  if (/3DES|DES[-_]EDE|DES[-_]CBC3/.test(suite)) return 112;
  if (/(^|[-_])DES[-_]CBC([-_]|$)/.test(suite)) return 56;
  if (suite.includes('RC4')) return 128;
  if (suite.includes('IDEA')) return 128;
  return null;
}
