import { FAILURE_PHRASES, type FailurePhrase } from '@kuzet/detection';
import type { IncidentCauseCheck } from '@kuzet/contracts';
import type { AlertLanguage } from '../channels/notification-channel';
import { formatUnit } from './alert-format';
import type { AlertPhrases } from './alert-phrases';

const PHRASES = new Set<string>(FAILURE_PHRASES);
const TIMEOUT_AFTER = /^timeout after (\d+(?:\.\d+)?) s$/;
const CERT_EXPIRES = /^certificate expires in (\d+) days?$/;
const HTTP_STATUS = /^HTTP [1-5]\d\d$/;

// The fallback per error class when a cause's words are not the detector's fixed phrases: such
// text did not come from describeFailure and could carry a host or URL, so it is never echoed.
const CLASS_FALLBACK: Record<NonNullable<IncidentCauseCheck['errorClass']>, FailurePhrase> = {
  dns: 'DNS failure',
  connect: 'connection failed',
  timeout: 'timeout',
  tls: 'TLS handshake failed',
  status: 'unexpected HTTP response',
  assertion: 'condition failed',
};

/** A cause check's error in the reader's language ("HTTP 503" stays as it is). */
export function causeWords(
  check: Pick<IncidentCauseCheck, 'error' | 'errorClass' | 'httpStatus'>,
  phrases: AlertPhrases,
  language: AlertLanguage,
): string {
  const error = check.error.trim();
  if (PHRASES.has(error)) return phrases.failure[error as FailurePhrase];
  if (HTTP_STATUS.test(error)) return error;
  const timeout = TIMEOUT_AFTER.exec(error);
  if (timeout) return phrases.timeoutAfter(formatUnit(Number(timeout[1]), 'second', language));
  const cert = CERT_EXPIRES.exec(error);
  if (cert) return phrases.certificateExpiresIn(formatUnit(Number(cert[1]), 'day', language));
  if (check.httpStatus !== null && check.httpStatus >= 100 && check.httpStatus <= 599) {
    return `HTTP ${check.httpStatus}`;
  }
  return phrases.failure[check.errorClass ? CLASS_FALLBACK[check.errorClass] : 'unknown'];
}
