import type { SchedulerClock } from './scheduler.types';

/** Date.now() and setTimeout: the real clock. Timers are unref'd, so only runs keep a process alive. */
export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
