/** What a tls (or https) check saw of the server's certificate and handshake. */
export type TlsProtocolVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface TlsDetails {
  /** Negotiated protocol, e.g. TLSv1.3. */
  protocol: string | null;
  cipher: string | null;
  /** Leaf subject / issuer as "CN=..., O=...". */
  subject: string;
  issuer: string;
  /** ISO 8601 instants. */
  validFrom: string;
  validTo: string;
  /** Whole days left (negative once expired). */
  daysToExpiry: number;
  /** Chain and host name verified against the system CAs plus `ca_pem`. */
  chainValid: boolean;
  /** OpenSSL/Node reason when not valid (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, ...). */
  authorizationError?: string;
  /** tls kind: public key size of the leaf, in bits. */
  keyBits?: number;
  /** tls kind: the negotiated suite uses ephemeral key exchange (ECDHE/DHE, or any TLS 1.3 suite). */
  forwardSecrecy?: boolean;
  /** tls kind: the versions the server completed a handshake with, each tried alone. */
  acceptedVersions?: TlsProtocolVersion[];
  /** tls kind: type of the leaf's public key. */
  keyType?: 'RSA' | 'EC' | 'DSA' | 'other';
  /** tls kind: symmetric strength of the negotiated suite in bits (AES128 128, CHACHA20 256, 3DES 112); absent when unknown. */
  cipherBits?: number;
  /** tls kind: the leaf's signature algorithm as OpenSSL names it (sha256WithRSAEncryption, ecdsa-with-SHA256, ...). */
  signatureAlgorithm?: string;
  /**
   * tls kind: certificates of the path the client saw, leaf first: those the server sent plus
   * the trusted root that completes them (Node exposes the sent chain merged with the root).
   */
  chainLength?: number;
  /** tls kind: the leaf is signed by its own key (issuer = subject). */
  selfSigned?: boolean;
  /** tls kind: the ALPN protocol the server picked when offered h2 and http/1.1; null when it picked none. */
  alpn?: string | null;
  /** tls kind: the host name has an AAAA record; null when not asked (IP target) or the lookup failed. */
  ipv6?: boolean | null;
}
