import type { ConditionOutcome } from './conditions/condition-context';

import type { CheckOutcome, ErrorClass, TlsDetails, TlsProtocolVersion } from '@kuzet/contracts';

// The stored vocabulary (CheckOutcome Up 0 / Degraded 1 / Down 2 / Unknown 3, and the error
// classes) is shared with the API and probe agents through @kuzet/contracts; re-exported here so
// runner users need one import.
export { CheckOutcome, ERROR_CLASSES } from '@kuzet/contracts';
export type { ErrorClass } from '@kuzet/contracts';

/** The kinds a network runner exists for (heartbeat is push-based and lives in the API). */
export type NetworkCheckKind = 'http' | 'tcp' | 'dns' | 'tls';
export type CheckKind = NetworkCheckKind | 'heartbeat';

/**
 * The probe network policy, applied to every resolved address right before connecting: returns
 * to allow, throws (with a message saying why) to refuse.
 */
export type NetworkGuard = (address: string) => void;

/** Anything shaped like `ProbeNetworkPolicy` from @kuzet/contracts (kept structural: no lib coupling). */
export interface AddressPolicy {
  checkAddress(address: string): { allowed: boolean; reason?: string };
}

/** Kind-specific options, with the catalog's (snake_case) names; see docs/catalog.md. */
export interface CheckOptions {
  // http
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sent as `Authorization: Basic base64(username:password)`. */
  basic_auth?: { username: string; password: string };
  follow_redirects?: boolean;
  max_redirects?: number;
  max_body_bytes?: number;
  /** Accepted statuses: 200, "200-399", or a list of either. Default 200-399. */
  expected_status?: number | string | Array<number | string>;
  // http, tls
  /** PEM text of extra trusted CAs (the catalog reads `ca_file` into this). Added to the system CAs. */
  ca_pem?: string;
  /** SNI and the name the certificate must match; default the target's host name. */
  servername?: string;
  /**
   * http, for an https:// target: also ask the plain-HTTP entry point whether it redirects to
   * https (true: http:// on port 80 of the target's host and path; or an http:// URL to ask).
   */
  plain_http_url?: boolean | string;
  /** tls: days before expiry at which the check turns Degraded (default 14). */
  warn_days?: number;
  // tcp
  send?: string;
  expect?: string | string[];
  // dns
  record_type?: DnsRecordType;
  /** dns: host:port of the resolver to ask (default: the system's first configured DNS server, port 53); tls: the one asked for the AAAA record (default: the system resolver). */
  resolver?: string;
  rcode?: string;
  [other: string]: unknown;
}

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS';

/** Everything a runner needs for one run; built by the scheduler/probe from a catalog check. */
export interface CheckSpec {
  kind: CheckKind;
  /** http: URL; tcp/tls: host:port; dns: the name to resolve. */
  target: string;
  timeoutMs: number;
  conditions: string[];
  thresholds: { degradedMs?: number };
  options: CheckOptions;
  /** Applied to every address before connecting; omitted = allow everything (tests, trusted callers). */
  networkGuard?: NetworkGuard | AddressPolicy;
}

export interface CheckTimings {
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  ttfbMs?: number;
  totalMs: number;
}

// Shared with the board, which shows them: the one definition is in @kuzet/contracts.
export type { TlsDetails, TlsProtocolVersion };

/** Response headers kept for tech-debt scoring (names lower-cased). */
export type PickedHeaders = Partial<Record<PickedHeaderName, string>>;
export const PICKED_HEADER_NAMES = [
  'server',
  'x-powered-by',
  'x-aspnet-version',
  'x-generator',
  'strict-transport-security',
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
] as const;
export type PickedHeaderName = (typeof PICKED_HEADER_NAMES)[number];

/** What a Set-Cookie line says about the cookie's protection; its value is never kept. */
export interface CookieAttributes {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  /** Lax | Strict | None as sent; null when absent. */
  sameSite: string | null;
}

/** What the plain-HTTP entry point answered when `plain_http_url` asked it (one request, no redirect followed). */
export interface PlainHttpAnswer {
  url: string;
  status?: number;
  /** The Location it redirected to, when it did. */
  location?: string;
  /** Why there was no answer (refused, timed out, refused by the network policy). */
  error?: string;
}

export interface HttpDetails {
  /** The URLs fetched, in order (more than one when redirects were followed). */
  urls: string[];
  bodyBytes: number;
  /** The body was longer than max_body_bytes and reading stopped there. */
  bodyTruncated: boolean;
  /** Cookies set along the way (every hop; the last one of a name wins), attributes only. */
  cookies?: CookieAttributes[];
  /**
   * The plain-HTTP entry point redirects to https: for an http:// target, the answer (or the
   * redirects followed) ended on https://; for an https:// target, what `plain_http_url` answered.
   * Absent when not known (https:// target without plain_http_url, or no answer from it).
   */
  redirectsToHttps?: boolean;
  plainHttp?: PlainHttpAnswer;
}

export interface DnsDetails {
  resolver: string;
  recordType: DnsRecordType;
  rcode: string;
  /** Answers of the asked type, as text (MX as "10 mail.example", TXT strings joined). */
  answers: string[];
}

export interface TcpDetails {
  /** What the server sent back (first bytes), when anything was read. */
  received?: string;
}

export interface CheckRunResult {
  outcome: CheckOutcome;
  errorClass?: ErrorClass;
  errorMessage?: string;
  latencyMs: number;
  timings: CheckTimings;
  statusCode?: number;
  /** The address connected to (after resolution). */
  ip?: string;
  conditions: ConditionOutcome[];
  tls?: TlsDetails;
  headers?: PickedHeaders;
  http?: HttpDetails;
  dns?: DnsDetails;
  tcp?: TcpDetails;
  /**
   * Set on a timeout seen this many ms after its deadline because the probe's event loop was
   * starved: the engine cannot tell whether the target answered, so the agent skips the result
   * ('starved') instead of storing a Down or an Unknown.
   */
  starvedMs?: number;
}
