import { CheckFailure } from './check-failure';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL']);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EPIPE',
  'EADDRNOTAVAIL',
  'ECONNABORTED',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ABORT_ERR']);

/**
 * Maps whatever node threw into the stored error vocabulary. TLS errors come under many names
 * (OpenSSL's EPROTO, Node's ERR_TLS_* and ERR_SSL_*, X509 codes such as CERT_HAS_EXPIRED), so
 * anything certificate- or handshake-shaped is 'tls'; an unknown error counts as 'connect'
 * because the run never got an answer to judge.
 */
export function classifyTransportError(error: unknown): CheckFailure {
  if (error instanceof CheckFailure) return error;
  const err = error as NodeJS.ErrnoException | undefined;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = err?.message ?? String(error);
  if (DNS_CODES.has(code)) return new CheckFailure('dns', message);
  if (CONNECT_CODES.has(code)) return new CheckFailure('connect', message);
  if (TIMEOUT_CODES.has(code)) return new CheckFailure('timeout', message);
  if (
    code === 'EPROTO' ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    /ssl|tls|certificate|handshake/i.test(message)
  ) {
    return new CheckFailure('tls', message);
  }
  return new CheckFailure('connect', code ? `${code}: ${message}` : message);
}
