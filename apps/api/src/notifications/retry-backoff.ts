/** How retries are spaced: exponential from `baseMs`, capped at `maxMs`, with jitter. */
export interface RetryBackoff {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before the next attempt after `attempts` failed ones: base * 2^(attempts-1), capped, with
 * "equal jitter" (half fixed, half random) so that many notifications to one receiver that came
 * back do not retry in lockstep. A receiver's Retry-After is a floor, never shortened by jitter.
 */
export function retryDelayMs(
  attempts: number,
  backoff: RetryBackoff,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exp / 2 + (exp / 2) * random();
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
