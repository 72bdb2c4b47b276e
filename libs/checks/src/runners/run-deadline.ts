import { DeadlineFailure, RunAborted } from './check-failure';

/** The timeout of a run started at `startedAt` (performance.now()), with how late it is seen. */
const deadlineError = (timeoutMs: number, startedAt: number) =>
  new DeadlineFailure(`no complete answer within ${timeoutMs} ms`, Math.max(0, performance.now() - startedAt - timeoutMs));

/** How long past its timeout a run may take to wind down (socket teardown, result assembly). */
export const DEADLINE_SLACK_MS = 250;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * What an abort of the caller's signal means: the scheduler's deadline backstop (reason named
 * TimeoutError) is a timeout of the target, never an unknown; anything else (shutdown,
 * reassignment) says nothing about the target.
 */
function outerAbortError(outer: AbortSignal, timeoutMs: number, startedAt: number): Error {
  const reason: unknown = outer.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') return deadlineError(timeoutMs, startedAt);
  return new RunAborted();
}

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
  const startedAt = performance.now();
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
    const timer = setTimeout(() => finish({ ok: false, error: deadlineError(timeoutMs, startedAt) }, true), Math.max(0, timeoutMs));
    const onOuterAbort = () => finish({ ok: false, error: outerAbortError(outer!, timeoutMs, startedAt) }, true);
    if (outer?.aborted) return onOuterAbort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    work(controller.signal).then(
      (value) => finish({ ok: true, value }, false),
      (error) => finish({ ok: false, error }, true),
    );
  });
}

/**
 * A run's cancellation without an AbortController: one listener slot and no EventTarget, which
 * matters at thousands of runs per second. Same meaning as the signal `runWithDeadline` hands out.
 */
export class RunCancel {
  aborted = false;
  reason: unknown = undefined;
  private listener: ((reason: unknown) => void) | undefined = undefined;

  /** Sets (or, with undefined, clears) the one listener called when the run is cancelled. */
  onAbort(listener: ((reason: unknown) => void) | undefined): void {
    this.listener = listener;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listener = this.listener;
    this.listener = undefined;
    listener?.(reason);
  }
}


/**
 * `runWithDeadline` with a `RunCancel` instead of an AbortSignal for the work: the same hard
 * deadline at timeoutMs, the same outer-signal handling, and it never rejects.
 */
export function runWithDeadlineLite<T>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  work: (cancel: RunCancel) => Promise<T>,
): Promise<Settled<T>> {
  const cancel = new RunCancel();
  const startedAt = performance.now();
  return new Promise<Settled<T>>((resolve) => {
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (settled: Settled<T>, abort: boolean) => {
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      if (outer) outer.removeEventListener('abort', onOuterAbort);
      if (abort) cancel.abort(settled.ok ? undefined : settled.error);
      resolve(settled);
    };
    const onOuterAbort = () => finish({ ok: false, error: outerAbortError(outer!, timeoutMs, startedAt) }, true);
    if (outer) {
      if (outer.aborted) return onOuterAbort();
      outer.addEventListener('abort', onOuterAbort, { once: true });
    }
    timer = setTimeout(() => finish({ ok: false, error: deadlineError(timeoutMs, startedAt) }, true), Math.max(0, timeoutMs));
    work(cancel).then(
      (value) => finish({ ok: true, value }, false),
      (error) => finish({ ok: false, error }, true),
    );
  });
}
