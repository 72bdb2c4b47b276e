import { TlsVersion } from '../fleet/fleet.types';

/** What a TLS lab set-up's certificate gets wrong, if anything. */
export type LabCertificate = 'valid' | 'expired' | 'wrong-host' | 'self-signed';

/** One server configuration of the TLS lab, each a case the SSL Labs rating guide grades. */
export interface TlsLabSetupSpec {
  name: string;
  description: string;
  versions: TlsVersion[];
  /** TLS 1.2-and-older suites offered (OpenSSL names); default OpenSSL's list. TLS 1.3 suites are all ephemeral. */
  ciphers?: string;
  certificate: LabCertificate;
  /** RSA key size of the leaf (default the CA's shared 2048-bit leaf key). */
  keyBits?: number;
  digest?: 'sha1';
  /** Answers ALPN h2 (an HTTP/2 server), as a modern stack does. */
  http2?: boolean;
}

/** ECDHE key exchange, AEAD ciphers only: forward secrecy on every suite. */
const MODERN_CIPHERS = 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305';
const MODERN = { versions: ['TLSv1.2', 'TLSv1.3'] as TlsVersion[], ciphers: MODERN_CIPHERS, http2: true };

export const TLS_LAB_SETUPS: readonly TlsLabSetupSpec[] = [
  { name: 'tls10-only', description: 'TLS 1.0 only', versions: ['TLSv1'], certificate: 'valid' },
  {
    name: 'tls12-no-forward-secrecy',
    description: 'TLS 1.2 with RSA key exchange only (no forward secrecy)',
    versions: ['TLSv1.2'],
    ciphers: 'AES128-GCM-SHA256:AES256-GCM-SHA384',
    certificate: 'valid',
  },
  {
    name: 'modern',
    description: 'TLS 1.2 + 1.3, ECDHE, AES-GCM, RSA 2048, HTTP/2',
    ...MODERN,
    certificate: 'valid',
  },
  {
    name: 'expired-certificate',
    description: 'modern, but the certificate expired 30 days ago',
    ...MODERN,
    certificate: 'expired',
  },
  {
    name: 'wrong-host',
    description: 'modern, but the certificate names another host',
    ...MODERN,
    certificate: 'wrong-host',
  },
  {
    name: 'self-signed',
    description: 'modern, but the certificate signs itself',
    ...MODERN,
    certificate: 'self-signed',
  },
  {
    name: 'rsa-1024',
    description: 'modern, but a 1024-bit RSA key',
    ...MODERN,
    certificate: 'valid',
    keyBits: 1024,
  },
  {
    name: 'sha1-signature',
    description: 'modern, but the certificate is signed with SHA-1',
    ...MODERN,
    certificate: 'valid',
    digest: 'sha1',
  },
  {
    name: 'tls10-to-tls12',
    description: 'TLS 1.0, 1.1 and 1.2 (the abandoned persona)',
    versions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    certificate: 'valid',
  },
];
