/** One check as the scheduler sees it; `payload` is carried through to `run` untouched. */
export interface ScheduledCheck {
  id: number;
  /** Stable identity for the phase (e.g. "<system>/<check>"): same key, same planned times everywhere. */
  key: string;
  intervalMs: number;
  /** The run's deadline, counted from its real start (the scheduler aborts a little later as a backstop). */
  timeoutMs: number;
  /** Concurrency group (host name of the target). */
  host: string;
  payload?: unknown;
}

/** Timer handle as returned by {@link SchedulerClock.setTimer}. */
export type TimerHandle = unknown;

/** Wall clock (epoch ms) and one-shot timers; injectable so tests can drive time by hand. */
export interface SchedulerClock {
  now(): number;
  setTimer(fn: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/**
 * Why a slot did not run: `overlap` = the check's previous run was still in flight (or queued);
 * `missed` = the scheduler fell behind by more than a whole interval (event loop stalled), only the
 * latest due slot runs; `expired` = the slot waited in a concurrency queue past its deadline;
 * `starved` (given by the agent, never by the scheduler) = the run started but its timeout was seen
 * long after its deadline because the probe's event loop was starved, so its result is not stored.
 */
export type SkipReason = 'overlap' | 'missed' | 'expired' | 'starved';

export const SKIP_REASONS: readonly SkipReason[] = ['overlap', 'missed', 'expired', 'starved'];

/** How a run came about: a regular slot of the grid, or a recheck off the grid. */
export interface RunInfo {
  recheck: boolean;
}

export type RunCheck = (
  check: ScheduledCheck,
  plannedAt: number,
  signal: AbortSignal,
  info: RunInfo,
) => Promise<void>;

export interface CheckSchedulerOptions {
  run: RunCheck;
  /** Most runs in flight per host at once (default 6). */
  hostConcurrency?: number;
  /** Most runs in flight overall (default 512). */
  maxConcurrency?: number;
  /** Backstop past a started run's timeout before the scheduler aborts it (default 250 ms). */
  runSlackMs?: number;
  /** Lowest accepted interval (default 10 s; tests use 1 s; see KUZET_MIN_INTERVAL_S). */
  minIntervalMs?: number;
  clock?: SchedulerClock;
  /** Actual start minus planned time, for every run (includes time spent queued). */
  onLag?: (lagMs: number, check: ScheduledCheck) => void;
  onSkip?: (check: ScheduledCheck, plannedAt: number, reason: SkipReason) => void;
  /** A run rejected (runners are expected not to; the scheduler carries on). */
  onError?: (error: unknown, check: ScheduledCheck, plannedAt: number) => void;
}

export interface SchedulerStats {
  checks: number;
  /** Runs started and not yet settled. */
  inFlight: number;
  /** Runs due but waiting for a host or global concurrency slot. */
  queued: number;
  /** Slots skipped since construction (all reasons). */
  skipped: number;
  /** Runs started since construction. */
  started: number;
}
