/** Sleeping and randomness of the agent's retry loops, injectable for tests. */
export class ProbeTimers {
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done);
    });
  }

  random(): number {
    return Math.random();
  }
}

/** Exponential backoff with full jitter: attempt 0 -> up to initialMs, doubling to maxMs. */
export function backoffDelay(attempt: number, random: number, initialMs = 500, maxMs = 30_000): number {
  const cap = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20));
  return Math.round(cap / 2 + (random * cap) / 2);
}
