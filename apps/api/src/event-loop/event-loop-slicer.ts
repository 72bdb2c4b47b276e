import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/** How long a loop may hold the API's event loop before it lets queued work (a request, a timer) run. */
export const DEFAULT_SLICE_MS = 8;
/**
 * How long background work rests after each slice: at most 8 / (8 + 24) = a quarter of the
 * thread. Why: a scoring run over 2,000 systems took both cores' spare time in one burst every
 * five minutes and the probe worker fell seconds behind its schedule (decision 0010).
 */
export const BACKGROUND_REST_MS = 24;

/**
 * Cuts a long synchronous loop into slices: `next()` yields once `sliceMs` have passed since the
 * last yield, and resolves at once otherwise. Why: at 20,000 checks a detector batch, a scoring
 * run or a summary of every system is 30 ms to 2.4 s of work in one task; every request that
 * arrives meanwhile (/api/health among them) waits for all of it (decision 0009). Urgent work
 * yields one event-loop turn (setImmediate); background work (`restMs` > 0) rests that long on a
 * timer, so it takes a bounded share of the CPU however much of it there is.
 */
export class EventLoopSlicer {
  private sliceStart = performance.now();

  constructor(
    private readonly sliceMs = DEFAULT_SLICE_MS,
    private readonly restMs = 0,
  ) {}

  /** For work nobody waits for (scoring): slices of DEFAULT_SLICE_MS, each followed by a rest. */
  static background(): EventLoopSlicer {
    return new EventLoopSlicer(DEFAULT_SLICE_MS, BACKGROUND_REST_MS);
  }

  /** True when the current slice is used up (the caller should `await next()`). */
  get due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  async next(): Promise<void> {
    if (!this.due) return;
    if (this.restMs > 0) await sleep(this.restMs);
    else await nextTurn();
    this.sliceStart = performance.now();
  }
}
