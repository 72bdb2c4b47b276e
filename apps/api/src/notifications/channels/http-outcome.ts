import type { DeliveryOutcome } from './notification-channel';

/**
 * What an HTTP answer means for a delivery: 2xx delivered; 410 Gone disables the endpoint;
 * 408, 429 and 5xx are worth retrying (429 and 503 with their Retry-After); any other status
 * (a 3xx is never followed, a 4xx is the receiver refusing) is final.
 */
export function httpOutcome(status: number, retryAfterMs: number | undefined): DeliveryOutcome {
  if (status >= 200 && status < 300) return { ok: true, detail: `HTTP ${status}` };
  const error = `HTTP ${status}`;
  if (status === 410) return { ok: false, retryable: false, gone: true, error };
  if (status === 429 || status === 503) {
    return retryAfterMs !== undefined
      ? { ok: false, retryable: true, retryAfterMs, error }
      : { ok: false, retryable: true, error };
  }
  if (status === 408 || status >= 500) return { ok: false, retryable: true, error };
  if (status >= 300 && status < 400)
    return { ok: false, retryable: false, error: `${error} (redirects are not followed)` };
  return { ok: false, retryable: false, error };
}
