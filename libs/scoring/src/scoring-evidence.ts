import type { SystemTier, TlsProtocolVersion } from '@kuzet/contracts';

/**
 * What the scorer is given about one system: facts the probes saw (the latest run of each check,
 * per region) and its reliability over the scoring window. Every fact carries where it came from,
 * so each finding can name its evidence (an agency must be able to reproduce its grade).
 */
export interface EvidenceSource {
  /** The check whose run saw the fact. */
  checkId: number;
  region: string;
  /** ISO 8601 instant of the run. */
  observedAt: string;
}

export interface TlsEvidence extends EvidenceSource {
  /** host:port the handshake went to. */
  endpoint: string;
  /** Versions that completed a handshake each tried alone (SSLv3 and older are never tried: Node cannot). */
  acceptedVersions: TlsProtocolVersion[];
  /** The version and suite negotiated by a default client. */
  negotiatedVersion: string | null;
  cipher: string | null;
  /** Symmetric strength of the negotiated suite, in bits (e.g. 128 for AES128-GCM), when known. */
  cipherBits: number | null;
  forwardSecrecy: boolean | null;
  /** Leaf public key: type and size in bits. */
  keyType: 'RSA' | 'EC' | 'DSA' | 'other' | null;
  keyBits: number | null;
  certificate: {
    /** Chain and host name verified. */
    valid: boolean;
    /** Node/OpenSSL reason when not valid: CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ... */
    error: string | null;
    daysToExpiry: number;
    validTo: string;
    /** Leaf signature algorithm as OpenSSL names it (sha256WithRSAEncryption, sha1WithRSAEncryption, ecdsa-with-SHA256), when known. */
    signatureAlgorithm: string | null;
    /** Certificates the server sent, leaf first. */
    chainLength: number | null;
    selfSigned: boolean | null;
  };
  /** ALPN protocol the server picked when offered h2 and http/1.1 (null: no ALPN answer). */
  alpn: string | null;
}

export interface CookieFacts {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  /** Lax | Strict | None, as sent; null when absent. */
  sameSite: string | null;
}

export interface HttpEvidence extends EvidenceSource {
  /** The URL the check fetched (after redirects: the last one). */
  url: string;
  /** Response headers the scorer reads, lower-cased (server, x-powered-by, x-aspnet-version, x-generator, strict-transport-security, content-security-policy, x-frame-options, x-content-type-options, referrer-policy, ...). */
  headers: Record<string, string>;
  /** Set-Cookie attributes only (never values). */
  cookies: CookieFacts[];
  /**
   * The plain-HTTP entry point redirects to HTTPS: true / false when it was tried, null when
   * there is no plain-HTTP entry point to try (e.g. only an https:// URL is monitored).
   */
  redirectsToHttps: boolean | null;
  /** The URL is https:// (false: the service is offered without TLS). */
  https: boolean;
}

export interface DnsEvidence extends EvidenceSource {
  host: string;
  /** The host has an AAAA record. */
  ipv6: boolean;
}

export interface ReliabilityEvidence {
  windowDays: number;
  /** The system's availability objective, a fraction (0.999). */
  sloTarget: number;
  /** Availability over the window, a fraction; null when nothing was measured. */
  availability: number | null;
  /** Share of measured time the system was degraded, a fraction. */
  degradedShare: number;
  incidents: number;
  mttrMs: number | null;
  mtbfMs: number | null;
}

export interface SystemEvidence {
  system: string;
  agency: string;
  tier: SystemTier;
  /** Latest TLS facts per endpoint (one per tls check and region; the scorer takes the worst). */
  tls: TlsEvidence[];
  /** Latest HTTP facts (one per http check and region). */
  http: HttpEvidence[];
  /** AAAA facts of the system's hosts. */
  dns: DnsEvidence[];
  reliability: ReliabilityEvidence;
}
