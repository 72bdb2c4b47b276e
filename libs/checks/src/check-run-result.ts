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
  /** tls: days before expiry at which the check turns Degraded (default 14). */
  warn_days?: number;
  // tcp
  send?: string;
  expect?: string | string[];
  // dns
  record_type?: DnsRecordType;
  /** host:port of the resolver to ask (default: the system's first configured DNS server, port 53). */
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
  'strict-transport-security',
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
] as const;
export type PickedHeaderName = (typeof PICKED_HEADER_NAMES)[number];

export interface HttpDetails {
  /** The URLs fetched, in order (more than one when redirects were followed). */
  urls: string[];
  bodyBytes: number;
  /** The body was longer than max_body_bytes and reading stopped there. */
  bodyTruncated: boolean;
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
}
