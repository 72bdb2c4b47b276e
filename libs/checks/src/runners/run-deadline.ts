import { CheckFailure, RunAborted } from './check-failure';

/** How long past its timeout a run may take to wind down (socket teardown, result assembly). */
export const DEADLINE_SLACK_MS = 250;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `work` with a hard deadline. The deadline does not trust the work to notice its signal:
 * the race settles at timeoutMs whatever the sockets do, and the signal tells the work to tear
 * its sockets down. It never rejects, so runners always produce a result.
 */
export function runWithDeadline<T>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<Settled<T>> {
  const controller = new AbortController();
  return new Promise<Settled<T>>((resolve) => {
    let done = false;
    const finish = (settled: Settled<T>, abort: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
      if (abort) controller.abort(settled.ok ? undefined : settled.error);
      resolve(settled);
    };
    const timer = setTimeout(
      () => finish({ ok: false, error: new CheckFailure('timeout', `no complete answer within ${timeoutMs} ms`) }, true),
      Math.max(0, timeoutMs),
    );
    const onOuterAbort = () => finish({ ok: false, error: new RunAborted() }, true);
    if (outer?.aborted) return onOuterAbort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    work(controller.signal).then(
      (value) => finish({ ok: true, value }, false),
      (error) => finish({ ok: false, error }, true),
    );
  });
}
