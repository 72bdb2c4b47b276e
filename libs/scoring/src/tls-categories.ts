import type { TlsProtocolVersion } from '@kuzet/contracts';
import type { TlsEvidence } from './scoring-evidence';

/** Table 2 of the rating guide (TLS 1.3 scores as TLS 1.2: the table's best). */
const PROTOCOL_SCORE: Record<TlsProtocolVersion, number> = {
  TLSv1: 90,
  'TLSv1.1': 95,
  'TLSv1.2': 100,
  'TLSv1.3': 100,
};

export interface TlsCategoryScores {
  protocol: number;
  keyExchange: number;
  cipher: number;
  /** 0.3 × protocol + 0.3 × key exchange + 0.4 × cipher; 0 when any category is 0. */
  numeric: number;
  /** Facts the categories were computed from, for the findings. */
  versions: TlsProtocolVersion[];
  cipherBits: number | null;
  keyKnown: boolean;
}

/** Versions the server completed a handshake with; the negotiated one when nothing else was tried. */
export function offeredVersions(tls: TlsEvidence): TlsProtocolVersion[] {
  if (tls.acceptedVersions.length > 0) return [...tls.acceptedVersions];
  const negotiated = tls.negotiatedVersion as TlsProtocolVersion | null;
  return negotiated && negotiated in PROTOCOL_SCORE ? [negotiated] : [];
}

/** Best/worst average of Table 2 over the versions offered. */
function protocolScore(versions: TlsProtocolVersion[]): number {
  if (versions.length === 0) return 0;
  const scores = versions.map((v) => PROTOCOL_SCORE[v]);
  return (Math.max(...scores) + Math.min(...scores)) / 2;
}

/** An EC key's strength as the RSA size the guide's table speaks of (NIST SP 800-57 equivalences). */
function rsaEquivalentBits(keyType: TlsEvidence['keyType'], bits: number): number {
  if (keyType !== 'EC') return bits;
  if (bits >= 512) return 15360;
  if (bits >= 384) return 7680;
  if (bits >= 256) return 3072;
  if (bits >= 224) return 2048;
  if (bits >= 160) return 1024;
  return 512;
}

/** Table 3 of the rating guide. An unknown key counts as 2048-bit RSA (90), the common case. */
export function keyExchangeScore(tls: TlsEvidence): number {
  if (tls.keyBits == null) return 90;
  const bits = rsaEquivalentBits(tls.keyType, tls.keyBits);
  if (bits < 512) return 20;
  if (bits < 1024) return 40;
  if (bits < 2048) return 80;
  if (bits < 4096) return 90;
  return 100;
}

/** The suite's symmetric strength, from the probe or else from its name. */
export function cipherStrength(tls: TlsEvidence): number | null {
  if (tls.cipherBits != null) return tls.cipherBits;
  const name = (tls.cipher ?? '').toUpperCase();
  if (!name) return null;
  if (name.includes('NULL')) return 0;
  if (/AES_?256|CHACHA20|CAMELLIA_?256/.test(name)) return 256;
  if (/3DES|DES-CBC3|DES_EDE/.test(name)) return 112;
  if (/AES_?128|CAMELLIA_?128|ARIA_?128|RC4|SEED|IDEA/.test(name)) return 128;
  if (/EXP|DES/.test(name)) return 56;
  return null;
}

/** Table 4 of the rating guide. Only the negotiated suite is seen, so best = worst = its strength. */
function cipherScore(bits: number | null): number {
  if (bits == null) return 80;
  if (bits === 0) return 0;
  if (bits < 128) return 20;
  if (bits < 256) return 80;
  return 100;
}

export function tlsCategoryScores(tls: TlsEvidence): TlsCategoryScores {
  const versions = offeredVersions(tls);
  const bits = cipherStrength(tls);
  const protocol = protocolScore(versions);
  const keyExchange = keyExchangeScore(tls);
  const cipher = cipherScore(bits);
  const anyZero = protocol === 0 || keyExchange === 0 || cipher === 0;
  const numeric = anyZero ? 0 : Math.round((0.3 * protocol + 0.3 * keyExchange + 0.4 * cipher) * 10) / 10;
  return { protocol, keyExchange, cipher, numeric, versions, cipherBits: bits, keyKnown: tls.keyBits != null };
}

/** AEAD suites (GCM, CCM, ChaCha20-Poly1305, and every TLS 1.3 suite). */
export function isAeadSuite(cipher: string | null, version: string | null): boolean {
  if (version === 'TLSv1.3') return true;
  return /GCM|CCM|CHACHA20|POLY1305/i.test(cipher ?? '');
}
