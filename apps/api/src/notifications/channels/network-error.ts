import type { DeliveryOutcome } from './notification-channel';

// A failed connection in fixed words. Error messages from fetch, undici and nodemailer can name
// the URL (with a bot token in its path), the host or credentials, so they are never echoed: only
// well-known error codes are read.

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  UND_ERR_SOCKET: 'connection reset',
  UND_ERR_CLOSED: 'connection reset',
  ENOTFOUND: 'DNS failure',
  EAI_AGAIN: 'DNS failure',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'host unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNECTION: 'connection failed',
  ESOCKET: 'connection failed',
  ETLS: 'TLS handshake failed',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate name mismatch',
};

function codeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    // nodemailer wraps the socket's code as ECONNECTION/ESOCKET and keeps it as originalCode.
    for (const code of [(e as { originalCode?: unknown }).originalCode, (e as { code?: unknown }).code]) {
      if (typeof code === 'string' && CODE_WORDS[code]) return code;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function hasCode(err: unknown, wanted: string): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === wanted) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function isTimeout(err: unknown): boolean {
  const name = err && typeof err === 'object' ? (err as { name?: unknown }).name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** A thrown connection failure as a retryable outcome with secret-free, URL-free words. */
export function networkErrorOutcome(err: unknown, timeoutMs: number): DeliveryOutcome {
  // Refused by policy (public-address-agent.ts): trying again would be refused again.
  if (hasCode(err, 'ENONPUBLIC')) return { ok: false, retryable: false, error: 'webhook host resolves to a non-public address' };
  const code = codeOf(err);
  const words =
    isTimeout(err) || code === 'ETIMEDOUT'
      ? `timeout after ${timeoutMs / 1000} s`
      : code
        ? CODE_WORDS[code]
        : 'network error';
  return { ok: false, retryable: true, error: words };
}
