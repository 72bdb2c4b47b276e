import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a loop may hold the API's event loop before it lets queued work (a request, a timer) run. */
export const DEFAULT_SLICE_MS = 8;

/**
 * Cuts a long synchronous loop into slices: `next()` yields one event-loop turn (setImmediate)
 * once `sliceMs` have passed since the last yield, and resolves at once otherwise. Why: at
 * 20,000 checks a detector batch, a scoring run or a summary of every system is 30 ms to 2.4 s of
 * work in one task; every request that arrives meanwhile (/api/health among them) waits for all
 * of it (decision 0009).
 */
export class EventLoopSlicer {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = DEFAULT_SLICE_MS) {}

  /** True when the current slice is used up (the caller should `await next()`). */
  get due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  async next(): Promise<void> {
    if (!this.due) return;
    await nextTurn();
    this.sliceStart = performance.now();
  }
}
