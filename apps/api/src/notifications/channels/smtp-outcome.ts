import type { DeliveryOutcome } from './notification-channel';
import { networkErrorOutcome } from './network-error';

interface SmtpErrorShape {
  code?: unknown;
  responseCode?: unknown;
}

/**
 * A nodemailer failure as an outcome: an SMTP 4xx reply is transient, a 5xx one final (a refused
 * recipient, a rejected message); authentication and envelope errors are final too (config or
 * address); a lost connection is retried. The server's reply text is not kept: it can quote
 * addresses.
 */
export function smtpErrorOutcome(err: unknown, timeoutMs: number): DeliveryOutcome {
  const e = (err && typeof err === 'object' ? err : {}) as SmtpErrorShape;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (reply !== undefined && reply >= 400 && reply < 600) {
    return { ok: false, retryable: reply < 500, error: `SMTP ${reply}` };
  }
  if (e.code === 'EAUTH') return { ok: false, retryable: false, error: 'SMTP authentication failed' };
  if (e.code === 'EENVELOPE') return { ok: false, retryable: false, error: 'SMTP refused the envelope' };
  if (e.code === 'EMESSAGE') return { ok: false, retryable: false, error: 'SMTP refused the message' };
  return networkErrorOutcome(err, timeoutMs);
}
