import type { TlsProtocolVersion } from '@kuzet/contracts';
import type { SslLabsGrade } from './system-score';

/**
 * TLS set-ups and the letter the SSL Labs rating guide gives each, worked out by hand from the
 * guide (numeric score = 0.3 protocol + 0.3 key exchange + 0.4 cipher, Table 1 letters, then the
 * rules of the Changes section). The simulator's TLS lab serves each set-up; its integration test
 * checks that rateTls on what the probe saw gives `expectedGrade`.
 */
export interface SslLabsReferenceSetup {
  id: string;
  description: string;
  /** Versions the server accepts. */
  versions: TlsProtocolVersion[];
  /** The suites offered use ephemeral (EC)DHE key exchange. */
  forwardSecrecy: boolean;
  /** The suites offered are AEAD (GCM / ChaCha20-Poly1305). */
  aead: boolean;
  key: { type: 'RSA' | 'EC'; bits: number };
  certificate: 'valid' | 'expired' | 'wrong-host' | 'self-signed';
  signature: 'sha256' | 'sha1';
  /** HSTS max-age sent with it (seconds), for A+; null: none. */
  hstsMaxAge: number | null;
  expectedGrade: SslLabsGrade;
  /** The guide's arithmetic and rules that give the letter. */
  why: string;
}

/** The modern set-up the certificate and key variations start from. */
const MODERN: Omit<SslLabsReferenceSetup, 'id' | 'description' | 'expectedGrade' | 'why'> = {
  versions: ['TLSv1.2', 'TLSv1.3'],
  forwardSecrecy: true,
  aead: true,
  key: { type: 'RSA', bits: 2048 },
  certificate: 'valid',
  signature: 'sha256',
  hstsMaxAge: null,
};

export const SSL_LABS_REFERENCE_SETUPS: readonly SslLabsReferenceSetup[] = [
  {
    ...MODERN,
    id: 'tls10-only',
    description: 'TLS 1.0 only, ECDHE with AES-CBC, RSA 2048',
    versions: ['TLSv1'],
    aead: false,
    expectedGrade: 'C',
    why: 'Table 2: protocol 90 (TLS 1.0 best and worst); Table 3: key 90; Table 4: cipher 80-100 -> numeric >= 86 (A). Changes: TLS 1.0 supported caps B (2020), no AEAD caps B (2018), TLS 1.2 not supported caps C (2015) -> C.',
  },
  {
    ...MODERN,
    id: 'tls12-no-forward-secrecy',
    description: 'TLS 1.2 only, static RSA key exchange (AES-GCM), RSA 2048',
    versions: ['TLSv1.2'],
    forwardSecrecy: false,
    expectedGrade: 'B',
    why: 'Table 2: protocol 100; Table 3: key 90; Table 4: cipher 80-100 -> numeric >= 89 (A). Changes: no forward secrecy caps B (March 2018) -> B.',
  },
  {
    ...MODERN,
    id: 'modern',
    description: 'TLS 1.2 and 1.3, ECDHE with AEAD suites, RSA 2048',
    expectedGrade: 'A',
    why: 'Table 2: protocol 100; Table 3: key 90; Table 4: cipher 80-100 -> numeric >= 89 (A); no rule applies -> A (A+ needs HSTS of at least six months).',
  },
  {
    ...MODERN,
    id: 'modern-with-hsts',
    description: 'The modern set-up sending Strict-Transport-Security max-age=31536000',
    hstsMaxAge: 31_536_000,
    expectedGrade: 'A+',
    why: 'As modern (A), no warnings, and HSTS with a long max-age -> A+ (Changes, January 2014).',
  },
  {
    ...MODERN,
    id: 'expired-certificate',
    description: 'The modern set-up with a certificate past its notAfter',
    certificate: 'expired',
    expectedGrade: 'T',
    why: 'Certificate Inspection: an expired certificate is not valid; Methodology step 4: no trust -> T (A if trust is ignored).',
  },
  {
    ...MODERN,
    id: 'wrong-host',
    description: 'The modern set-up with a certificate (from a trusted CA) for another host name',
    certificate: 'wrong-host',
    expectedGrade: 'M',
    why: 'Certificate Inspection: domain name mismatch; Methodology step 4: M for certificate name mismatch (T and M since SSL Labs 1.10, 2014).',
  },
  {
    ...MODERN,
    id: 'self-signed',
    description: 'The modern set-up with a self-signed certificate',
    certificate: 'self-signed',
    expectedGrade: 'T',
    why: 'Certificate Inspection: a self-signed certificate is not trusted; Methodology step 4 -> T.',
  },
  {
    ...MODERN,
    id: 'rsa-1024',
    description: 'The modern set-up with a 1024-bit RSA key (certificate otherwise trusted)',
    key: { type: 'RSA', bits: 1024 },
    expectedGrade: 'B',
    why: 'Table 3: key < 2048 bits -> 80; numeric 0.3x100 + 0.3x80 + 0.4x(80-100) >= 86 (A). Changes (January 2014): keys below 2048 bits cap B (below 1024: F) -> B. A probe client that refuses the key (OpenSSL security level 2: EE_KEY_TOO_SMALL) does not change the letter: the guide judges key size by this rule, not as a trust failure.',
  },
  {
    ...MODERN,
    id: 'sha1-signature',
    description: 'The modern set-up with a SHA-1-signed leaf certificate',
    signature: 'sha1',
    expectedGrade: 'T',
    why: 'Changes (January 2017): SHA-1 leaf certificates are no longer trusted -> T.',
  },
  {
    ...MODERN,
    id: 'tls10-to-tls12',
    description: 'TLS 1.0, 1.1 and 1.2, ECDHE with AEAD on TLS 1.2, RSA 2048 (the abandoned persona)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    expectedGrade: 'B',
    why: 'Table 2: protocol (100 + 90) / 2 = 95; key 90; cipher 80-100 -> numeric >= 87.5 (A). Changes (2020): TLS 1.0 / 1.1 supported caps B -> B.',
  },
];
