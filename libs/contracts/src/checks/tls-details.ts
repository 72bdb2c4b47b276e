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
}
