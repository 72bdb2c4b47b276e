import { Injectable } from '@nestjs/common';

/** The probing module's clock and timers, injectable so tests can replace them. */
@Injectable()
export class ProbingClock {
  now(): number {
    return Date.now();
  }

  setInterval(fn: () => void, ms: number): NodeJS.Timeout {
    const t = setInterval(fn, ms);
    t.unref();
    return t;
  }

  clearInterval(handle: NodeJS.Timeout): void {
    clearInterval(handle);
  }

  setTimeout(fn: () => void, ms: number): NodeJS.Timeout {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  }

  clearTimeout(handle: NodeJS.Timeout): void {
    clearTimeout(handle);
  }
}
