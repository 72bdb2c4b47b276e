/** Longest wait a receiver may ask for; beyond it the outbox's own backoff and dead-letter time apply. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * A Retry-After header (RFC 9110: delay-seconds or an HTTP date) as a wait in ms from `now`;
 * undefined when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  // All three HTTP date forms start with the day name; anything else is not a date here.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}
