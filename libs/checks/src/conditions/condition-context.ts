/**
 * What a check run exposes to its conditions (Gatus-style placeholders). A runner fills what its
 * kind knows; a condition naming a placeholder the kind does not provide fails with a clear error.
 *
 *   [STATUS]                  status        HTTP status code
 *   [RESPONSE_TIME]           responseTimeMs total time in ms
 *   [BODY], [BODY].a.b[0]     body          response body (JSON path into it when parsed as JSON)
 *   [HEADERS].name            headers       response headers, names lower-cased
 *   [CERTIFICATE_EXPIRATION]  certificateExpiresInMs  time left on the leaf certificate (ms)
 *   [DNS_RCODE]               dnsRcode      NOERROR, NXDOMAIN, SERVFAIL, ...
 *   [CONNECTED]               connected     the connection was established
 *   [IP]                      ip            the address connected to / resolved
 *   [TLS_VERSION]             tlsVersion    negotiated protocol, e.g. TLSv1.3
 */
export interface ConditionContext {
  status?: number;
  responseTimeMs?: number;
  body?: string;
  headers?: Record<string, string>;
  certificateExpiresInMs?: number;
  dnsRcode?: string;
  connected?: boolean;
  ip?: string;
  tlsVersion?: string;
}

/** One condition's outcome, stored with the result. */
export interface ConditionOutcome {
  condition: string;
  success: boolean;
  /** The resolved left-hand value, shortened, for the board ("[STATUS] (503) == 200"). */
  actual?: string;
  /** Why it could not be evaluated (unknown placeholder, body not JSON, ...). */
  error?: string;
}
