// The probe check scheduler: stable phases, one timer, no overlap, host and global concurrency.
export { CheckScheduler, DEFAULT_HOST_CONCURRENCY, DEFAULT_MAX_CONCURRENCY } from './check-scheduler';
export type {
  CheckSchedulerOptions,
  RunCheck,
  ScheduledCheck,
  SchedulerClock,
  SchedulerStats,
  SkipReason,
  TimerHandle,
} from './scheduler.types';
export { SKIP_REASONS } from './scheduler.types';
export { phaseOf, slotAtOrAfter, slotAtOrBefore, stableHash32 } from './stable-phase';
export { LagRecorder } from './lag-recorder';
export { systemClock } from './system-clock';
export { ManualClock, flushMicrotasks } from './manual-clock';
export { IndexedMinHeap } from './min-heap';
export type { HeapItem } from './min-heap';
export { ABSOLUTE_MIN_INTERVAL_MS, DEFAULT_MIN_INTERVAL_MS } from './min-interval';
