import { Injectable } from '@nestjs/common';

export type TimerHandle = ReturnType<typeof setTimeout>;

/** The clock and timers of the ingest pipeline (replaceable in tests). */
@Injectable()
export class IngestTimers {
  now(): number {
    return Date.now();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return setTimeout(fn, ms);
  }

  clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle);
  }
}
