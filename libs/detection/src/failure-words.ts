import { CheckOutcome } from '@kuzet/contracts';
import type { ErrorClass } from '@kuzet/contracts';

// A failed check result's error in plain words, for an incident's cause. The stored message
// comes from Node, OpenSSL or the runners and names hosts, addresses, ports and URLs; none of it
// may reach a public page, so the words are only fixed phrases and numbers computed here (a
// status code, seconds, days). The message is read for codes and known shapes, never echoed.

/** Every phrase describeFailure can return, besides the numbered shapes in FAILURE_WORDS_PATTERN. */
export const FAILURE_PHRASES = [
  'connection refused',
  'connection reset',
  'host unreachable',
  'connection failed',
  'refused by the probe network policy',
  'invalid target',
  'timeout',
  'NXDOMAIN',
  'SERVFAIL',
  'DNS query refused',
  'DNS failure',
  'certificate expired',
  'certificate not yet valid',
  'self-signed certificate',
  'certificate name mismatch',
  'untrusted certificate',
  'TLS handshake failed',
  'too many redirects',
  'unexpected HTTP response',
  'condition failed',
  'slow response',
  'no failure',
  'unknown',
] as const;
export type FailurePhrase = (typeof FAILURE_PHRASES)[number];

/** Matches every possible output of describeFailure, and nothing else. */
export const FAILURE_WORDS_PATTERN = new RegExp(
  `^(?:${FAILURE_PHRASES.join('|')}|HTTP [1-5]\\d\\d|timeout after \\d+(?:\\.\\d+)? s|certificate expires in \\d+ days?)$`,
);

export interface FailureInput {
  errorClass: ErrorClass | null;
  statusCode: number | null;
  message?: string | null;
  timeoutMs?: number | null;
  outcome: CheckOutcome;
}

type Words = string | undefined;
type Reader = (message: string, input: FailureInput) => Words;

// Codes are matched case-sensitively (they are upper case); host names are usually lower case,
// so a host such as "nxdomain.example" is not taken for an rcode.
const has = (message: string, ...codes: string[]) =>
  codes.some((c) => new RegExp(`(?:^|[^A-Z0-9_])${c}(?![A-Z0-9_])`).test(message));

const MAX_TIMEOUT_MS = 86_400_000;

/** '10 s', '1.5 s', '0.25 s': two significant decimals below a second, one above. */
function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number(s.toFixed(s < 1 ? 2 : 1))} s`;
}

function timeoutWords(message: string, input: FailureInput): string {
  const given = input.timeoutMs;
  const written = /\bwithin (\d{1,8}) ms\b/.exec(message);
  const ms =
    typeof given === 'number' && Number.isFinite(given) ? given : written ? Number(written[1]) : undefined;
  return ms !== undefined && ms >= 1 && ms <= MAX_TIMEOUT_MS ? `timeout after ${seconds(ms)}` : 'timeout';
}

const readTimeout: Reader = (message, input) =>
  has(message, 'ETIMEDOUT', 'ETIMEOUT', 'ESOCKETTIMEDOUT', 'ABORT_ERR') ||
  /\bno complete answer within\b/.test(message)
    ? timeoutWords(message, input)
    : undefined;

/** The reason of a runner's "certificate not trusted for HOST: REASON", without the host. */
function tlsReason(message: string): string {
  const m = /^certificate not (?:trusted|valid) for \S+: ([\s\S]*)$/.exec(message);
  return m ? m[1] : message;
}

const readTls: Reader = (message) => {
  const reason = tlsReason(message);
  if (has(reason, 'CERT_HAS_EXPIRED') || /certificate has expired/i.test(reason))
    return 'certificate expired';
  if (has(reason, 'CERT_NOT_YET_VALID') || /certificate is not yet valid/i.test(reason)) {
    return 'certificate not yet valid';
  }
  if (
    has(reason, 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN') ||
    /self[- ]signed certificate/i.test(reason)
  ) {
    return 'self-signed certificate';
  }
  if (has(reason, 'ERR_TLS_CERT_ALTNAME_INVALID') || /does not match certificate's altnames/i.test(reason)) {
    return 'certificate name mismatch';
  }
  if (
    has(
      reason,
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'UNABLE_TO_GET_ISSUER_CERT',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'CERT_UNTRUSTED',
      'CERT_REVOKED',
      'CERT_SIGNATURE_FAILURE',
    ) ||
    /unable to (?:get local issuer|verify the first) certificate/i.test(reason)
  ) {
    return 'untrusted certificate';
  }
  return undefined;
};

const readDns: Reader = (message) => {
  if (has(message, 'NXDOMAIN', 'ENOTFOUND', 'EAI_NONAME')) return 'NXDOMAIN';
  if (has(message, 'SERVFAIL', 'ESERVFAIL')) return 'SERVFAIL';
  if (has(message, 'REFUSED', 'EREFUSED')) return 'DNS query refused';
  return undefined;
};

const readConnect: Reader = (message) => {
  if (has(message, 'ECONNREFUSED')) return 'connection refused';
  if (
    has(message, 'ECONNRESET', 'EPIPE', 'ECONNABORTED') ||
    /\bconnection closed mid-response\b/.test(message)
  ) {
    return 'connection reset';
  }
  if (has(message, 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL'))
    return 'host unreachable';
  if (/^refused by the probe network policy\b/.test(message)) return 'refused by the probe network policy';
  if (/^(?:not a valid URL|unsupported URL scheme)\b/.test(message)) return 'invalid target';
  return undefined;
};

function httpStatus(input: FailureInput, message: string): Words {
  const code = input.statusCode ?? (/^HTTP (\d{3})\b/.exec(message) ? Number(message.slice(5, 8)) : null);
  return code !== null && Number.isInteger(code) && code >= 100 && code <= 599 ? `HTTP ${code}` : undefined;
}

const readStatus: Reader = (message, input) => {
  if (/^more than \d+ redirects\b/.test(message)) return 'too many redirects';
  return httpStatus(input, message);
};

const readDegraded = (message: string): string => {
  const m = /^certificate expires in (-?\d{1,6}) days?\b/.exec(message);
  if (!m) return 'slow response';
  const days = Math.max(0, Number(m[1]));
  return `certificate expires in ${days} ${days === 1 ? 'day' : 'days'}`;
};

// Per class: what its messages can say, then the class's own fallback. A class other than the
// one the message looks like is still read in its own terms first (the class is what was stored).
const BY_CLASS: Record<ErrorClass, { read: Reader[]; fallback: string }> = {
  timeout: { read: [readTimeout], fallback: 'timeout' },
  dns: { read: [readDns, readTimeout], fallback: 'DNS failure' },
  connect: { read: [readConnect, readTimeout, readDns, readTls], fallback: 'connection failed' },
  tls: { read: [readTls, readConnect, readTimeout], fallback: 'TLS handshake failed' },
  status: { read: [readStatus], fallback: 'unexpected HTTP response' },
  assertion: { read: [], fallback: 'condition failed' },
};
const ANY_CLASS: Reader[] = [readTimeout, readTls, readDns, readConnect, readStatus];

/** The error of a check result in plain words; never a fragment of the message. */
export function describeFailure(input: FailureInput): string {
  const message = typeof input.message === 'string' ? input.message.slice(0, 4096) : '';
  if (input.outcome === CheckOutcome.Up) return 'no failure';
  if (input.outcome === CheckOutcome.Unknown) return 'unknown';
  if (input.outcome === CheckOutcome.Degraded) return readDegraded(message);
  const known = input.errorClass ? BY_CLASS[input.errorClass] : undefined;
  for (const read of known ? known.read : ANY_CLASS) {
    const words = read(message, input);
    if (words !== undefined) return words;
  }
  if (input.errorClass === 'timeout') return timeoutWords(message, input);
  if (known) return known.fallback;
  return httpStatus(input, message) ?? 'unknown';
}
