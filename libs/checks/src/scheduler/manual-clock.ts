import type { SchedulerClock, TimerHandle } from './scheduler.types';

interface ManualTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock moved by hand, for tests: `advance(ms)` fires due timers in time order. */
export class ManualClock implements SchedulerClock {
  private timers = new Set<ManualTimer>();
  private seq = 0;

  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.add(timer);
    return timer;
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete(handle as ManualTimer);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /**
   * Moves time forward by `ms`, firing each due timer at its own time; awaits microtasks after
   * each one, so promise callbacks (run completions) happen in between, as they would for real.
   */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      let next: ManualTimer | undefined;
      for (const t of this.timers)
        if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      if (!next) break;
      this.timers.delete(next);
      this.current = Math.max(this.current, next.at);
      next.fn();
      await flushMicrotasks();
    }
    this.current = end;
    await flushMicrotasks();
  }

  /** Sets the time without firing anything (e.g. to simulate a stalled event loop). */
  jumpTo(at: number): void {
    this.current = at;
  }
}

export async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise<void>((resolve) => setImmediate(resolve));
}
