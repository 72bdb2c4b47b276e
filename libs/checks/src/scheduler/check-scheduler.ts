import { IndexedMinHeap, type HeapItem } from './min-heap';
import { DEFAULT_MIN_INTERVAL_MS } from './min-interval';
import type {
  CheckSchedulerOptions,
  ScheduledCheck,
  SchedulerClock,
  SchedulerStats,
  SkipReason,
  TimerHandle,
} from './scheduler.types';
import { phaseOf, slotAtOrAfter, slotAtOrBefore } from './stable-phase';
import { systemClock } from './system-clock';

export const DEFAULT_HOST_CONCURRENCY = 6;
export const DEFAULT_MAX_CONCURRENCY = 512;
/**
 * How long past its timeout a started run may take before the scheduler aborts it. The runner
 * enforces the timeout itself, from the moment the run really starts; this is only a backstop.
 */
export const DEFAULT_RUN_SLACK_MS = 250;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One check's schedule: its next planned time sits in the due heap. */
interface Entry extends HeapItem {
  check: ScheduledCheck;
  phase: number;
  nextAt: number;
  /** A run of this check is queued or in flight: its next slot is skipped (no overlap). */
  busy: boolean;
}

/** One planned run, from its slot until it settles (or is dropped). */
interface Job extends HeapItem {
  entry: Entry;
  /** The check as it was when the slot came (later changes apply from the next slot). */
  check: ScheduledCheck;
  plannedAt: number;
  seq: number;
  /** An immediate re-verification, off the regular grid: it never moves the schedule. */
  recheck: boolean;
  /**
   * Made when the run starts, with its deadline. Under overload most queued runs expire unrun:
   * giving each an AbortController, an Error and a deadline-heap entry took a sixth of the probe
   * worker's CPU at 4,000 checks/s (decision 0011).
   */
  controller?: AbortController;
  deadline?: Deadline;
  host: HostState;
  running: boolean;
  settled?: Promise<void>;
}

interface Deadline extends HeapItem {
  at: number;
  job: Job;
}

interface PendingRecheck extends HeapItem {
  at: number;
  id: number;
}

interface HostState {
  name: string;
  /** Runs admitted for this host: in flight, or waiting only for a global slot. */
  active: number;
  queue: Job[];
  head: number;
}

const byNextAt = (a: Entry, b: Entry) =>
  a.nextAt < b.nextAt || (a.nextAt === b.nextAt && a.check.id < b.check.id);
const byPlanned = (a: Job, b: Job) =>
  a.plannedAt < b.plannedAt || (a.plannedAt === b.plannedAt && a.seq < b.seq);
const byDeadline = (a: Deadline, b: Deadline) => a.at < b.at;

function abortReason(name: 'TimeoutError' | 'AbortError', message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/**
 * Runs every check at its interval on a stable phase grid (`k * intervalMs + hash(key) % intervalMs`,
 * epoch ms), with one timer for the whole scheduler, no overlap of a check with itself, a per-host
 * and a global concurrency limit (queued runs start in planned order). A run has one deadline,
 * counted from when it really starts: the runner times out at start + timeoutMs, and the
 * scheduler's AbortSignal (reason TimeoutError) is only a backstop at start + timeoutMs + slack.
 * A slot still queued at plannedAt + timeoutMs is dropped ('expired'): the engine could not run it.
 * Rechecks (`recheck`) run one check once more, soon, without touching its schedule.
 */
export class CheckScheduler {
  private readonly run: CheckSchedulerOptions['run'];
  private readonly clock: SchedulerClock;
  private readonly hostConcurrency: number;
  private readonly maxConcurrency: number;
  private readonly minIntervalMs: number;
  private readonly runSlackMs: number;
  private readonly onLag?: CheckSchedulerOptions['onLag'];
  private readonly onSkip?: CheckSchedulerOptions['onSkip'];
  private readonly onError?: CheckSchedulerOptions['onError'];

  private readonly entries = new Map<number, Entry>();
  private readonly due = new IndexedMinHeap<Entry>(byNextAt);
  private readonly deadlines = new IndexedMinHeap<Deadline>(byDeadline);
  /** Jobs holding a host slot, waiting for a global one. */
  private readonly globalQueue = new IndexedMinHeap<Job>(byPlanned);
  private readonly hosts = new Map<string, HostState>();
  private readonly running = new Set<Job>();
  private readonly rechecks = new IndexedMinHeap<PendingRecheck>((a, b) => a.at < b.at);
  private readonly pendingRechecks = new Map<number, PendingRecheck>();

  private started = false;
  private timer: TimerHandle | null = null;
  private armedAt = Infinity;
  private seq = 0;
  private queuedCount = 0;
  private skippedCount = 0;
  private startedCount = 0;

  constructor(options: CheckSchedulerOptions) {
    this.run = options.run;
    this.clock = options.clock ?? systemClock;
    this.hostConcurrency = positiveInt(
      options.hostConcurrency ?? DEFAULT_HOST_CONCURRENCY,
      'hostConcurrency',
    );
    this.maxConcurrency = positiveInt(options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY, 'maxConcurrency');
    this.minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    this.runSlackMs = options.runSlackMs ?? DEFAULT_RUN_SLACK_MS;
    this.onLag = options.onLag;
    this.onSkip = options.onSkip;
    this.onError = options.onError;
  }

  /**
   * Replaces the set of checks, diffed by id: new ones start at their next slot, removed ones are
   * not rescheduled (a run in flight finishes), a changed key or interval moves the check to its
   * new grid from the next slot, other changes (host, timeout, payload) apply from the next slot.
   * Throws a RangeError, changing nothing, when a check is invalid.
   */
  setChecks(checks: readonly ScheduledCheck[]): void {
    const ids = new Set<number>();
    for (const c of checks) {
      if (ids.has(c.id)) throw new RangeError(`duplicate check id ${c.id}`);
      ids.add(c.id);
      if (!Number.isFinite(c.intervalMs) || c.intervalMs < this.minIntervalMs) {
        throw new RangeError(
          `check ${c.id} (${c.key}): interval ${c.intervalMs} ms is below the minimum of ${this.minIntervalMs} ms`,
        );
      }
      if (!Number.isFinite(c.timeoutMs) || c.timeoutMs <= 0) {
        throw new RangeError(
          `check ${c.id} (${c.key}): timeout must be a positive number of ms, got ${c.timeoutMs}`,
        );
      }
    }
    const now = this.clock.now();
    for (const c of checks) {
      const entry = this.entries.get(c.id);
      if (!entry) {
        const phase = phaseOf(c.key, c.intervalMs);
        const e: Entry = {
          heapIndex: -1,
          check: c,
          phase,
          nextAt: slotAtOrAfter(now, c.intervalMs, phase),
          busy: false,
        };
        this.entries.set(c.id, e);
        if (this.started) this.due.push(e);
        continue;
      }
      const moved = entry.check.key !== c.key || entry.check.intervalMs !== c.intervalMs;
      entry.check = c;
      if (moved) {
        entry.phase = phaseOf(c.key, c.intervalMs);
        entry.nextAt = slotAtOrAfter(now, c.intervalMs, entry.phase);
        if (this.started) this.due.update(entry);
      }
    }
    for (const [id, entry] of this.entries) {
      if (ids.has(id)) continue;
      this.entries.delete(id);
      this.due.remove(entry);
    }
    this.arm();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const now = this.clock.now();
    for (const e of this.entries.values()) {
      e.nextAt = slotAtOrAfter(now, e.check.intervalMs, e.phase);
      this.due.push(e);
    }
    this.arm();
  }

  /** Cancels the timer and queued runs, aborts runs in flight and resolves once they have settled. */
  async stop(): Promise<void> {
    this.started = false;
    this.disarm();
    this.due.clear();
    this.rechecks.clear();
    this.pendingRechecks.clear();
    for (const host of this.hosts.values()) {
      for (let i = host.head; i < host.queue.length; i++) this.drop(host.queue[i]);
      host.queue = [];
      host.head = 0;
    }
    this.hosts.clear();
    for (let job = this.globalQueue.pop(); job; job = this.globalQueue.pop()) this.drop(job);
    this.queuedCount = 0;
    this.deadlines.clear();
    const settling: Promise<void>[] = [];
    for (const job of this.running) {
      job.controller?.abort(abortReason('AbortError', 'scheduler stopped'));
      if (job.settled) settling.push(job.settled);
    }
    await Promise.all(settling);
  }

  stats(): SchedulerStats {
    return {
      checks: this.entries.size,
      inFlight: this.running.size,
      queued: this.queuedCount,
      skipped: this.skippedCount,
      started: this.startedCount,
    };
  }

  /** The next planned time of a check (epoch ms), or undefined when it is unknown. */
  nextPlannedAt(id: number): number | undefined {
    const e = this.entries.get(id);
    return e ? e.nextAt : undefined;
  }

  /**
   * Runs a check once more at `at` (epoch ms), off its grid, marked as a recheck. Refused (false)
   * when the check is unknown, one is already pending, or its next regular slot comes no later
   * than `at` (that slot serves). The regular schedule is left alone. It may be asked while the
   * check's run is still in flight (the agent asks from inside the run that saw the change); a
   * run still in flight at `at` makes the recheck lapse.
   */
  recheck(id: number, at: number): boolean {
    const entry = this.entries.get(id);
    if (!this.started || !entry || entry.nextAt <= at) return false;
    const pending = this.pendingRechecks.get(id);
    if (pending) return false;
    const r: PendingRecheck = { heapIndex: -1, at, id };
    this.pendingRechecks.set(id, r);
    this.rechecks.push(r);
    this.arm();
    return true;
  }

  // --- timer -------------------------------------------------------------------------------

  private arm(): void {
    if (!this.started) return;
    const a = this.due.peek()?.nextAt ?? Infinity;
    const b = this.deadlines.peek()?.at ?? Infinity;
    const c = this.rechecks.peek()?.at ?? Infinity;
    const next = Math.min(a, b, c);
    // Keep an earlier timer: waking a little early costs one empty tick, re-arming on every
    // settle would cost a clear + set each time.
    if (this.timer !== null && this.armedAt <= next) return;
    this.disarm();
    if (next === Infinity) return;
    this.armedAt = next;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - this.clock.now()));
    this.timer = this.clock.setTimer(() => this.tick(), delay);
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.armedAt = Infinity;
  }

  private tick(): void {
    this.timer = null;
    this.armedAt = Infinity;
    if (!this.started) return;
    const now = this.clock.now();
    for (let d = this.deadlines.peek(); d && d.at <= now; d = this.deadlines.peek()) {
      this.deadlines.pop();
      d.job.controller?.abort(
        abortReason('TimeoutError', `check run timed out after ${d.job.check.timeoutMs} ms`),
      );
    }
    for (let r = this.rechecks.peek(); r && r.at <= now && this.started; r = this.rechecks.peek()) {
      this.rechecks.pop();
      this.pendingRechecks.delete(r.id);
      const entry = this.entries.get(r.id);
      // A regular slot that came meanwhile served instead. A recheck is planned when it goes.
      if (entry && !entry.busy && entry.nextAt > now) this.dispatch(entry, now, true);
    }
    // Queued runs whose deadline passed are dropped when they reach the head of their queue.
    for (let e = this.due.peek(); e && e.nextAt <= now && this.started; e = this.due.peek()) {
      this.fire(e, now);
    }
    this.arm();
  }

  // --- slots -------------------------------------------------------------------------------

  private fire(entry: Entry, now: number): void {
    const { intervalMs } = entry.check;
    const plannedAt = slotAtOrBefore(now, intervalMs, entry.phase);
    // Fell behind by whole intervals (stalled loop): the older slots are gone, only the latest runs.
    for (let t = entry.nextAt; t < plannedAt; t += intervalMs) this.skip(entry.check, t, 'missed');
    entry.nextAt = plannedAt + intervalMs;
    this.due.update(entry);
    if (entry.busy) return this.skip(entry.check, plannedAt, 'overlap');
    this.dispatch(entry, plannedAt);
  }

  private dispatch(entry: Entry, plannedAt: number, recheck = false): void {
    const check = entry.check;
    const host = this.hostState(check.host);
    const job: Job = {
      heapIndex: -1,
      entry,
      check,
      plannedAt,
      seq: this.seq++,
      recheck,
      host,
      running: false,
    };
    entry.busy = true;
    if (host.active < this.hostConcurrency) {
      host.active++;
      this.admit(job);
    } else {
      host.queue.push(job);
      this.queuedCount++;
    }
  }

  /** The job holds a host slot: start it, or queue it for a global slot (in planned order). */
  private admit(job: Job): void {
    if (this.globalQueue.size === 0 && this.running.size < this.maxConcurrency) {
      if (!this.startJob(job) && job.host.head < job.host.queue.length) this.drainHost(job.host);
    } else {
      this.globalQueue.push(job);
      this.queuedCount++;
    }
  }

  /**
   * Starts the job, or drops it (returns false) when it waited past its deadline; then its host
   * slot is free again and the caller drains that host's queue (no recursion here).
   */
  private startJob(job: Job): boolean {
    const now = this.clock.now();
    if (now >= job.plannedAt + job.check.timeoutMs) {
      job.host.active--;
      this.drop(job);
      this.skip(job.check, job.plannedAt, 'expired');
      return false;
    }
    job.running = true;
    this.running.add(job);
    this.startedCount++;
    // From here the run's one deadline counts from its real start (the runner's own timer);
    // the scheduler's abort is a backstop a little later.
    const controller = new AbortController();
    job.controller = controller;
    job.deadline = { heapIndex: -1, at: now + job.check.timeoutMs + this.runSlackMs, job };
    this.deadlines.push(job.deadline);
    this.onLag?.(now - job.plannedAt, job.check);
    let p: Promise<void>;
    try {
      p = Promise.resolve(
        this.run(job.check, job.plannedAt, controller.signal, job.recheck ? RECHECK : REGULAR),
      );
    } catch (error) {
      p = Promise.reject(error);
    }
    job.settled = p.then(
      () => this.settle(job),
      (error: unknown) => {
        this.onError?.(error, job.check, job.plannedAt);
        this.settle(job);
      },
    );
    return true;
  }

  private settle(job: Job): void {
    if (!this.running.delete(job)) return;
    job.running = false;
    job.entry.busy = false;
    if (job.deadline) this.deadlines.remove(job.deadline);
    const host = job.host;
    host.active--;
    if (!this.started) return;
    this.drainHost(host);
    this.drainGlobal();
    this.arm();
  }

  /** Forgets a job that never ran (stopped, or expired in a queue): nothing of it was made yet. */
  private drop(job: Job): void {
    job.entry.busy = false;
  }

  private drainHost(host: HostState): void {
    while (host.active < this.hostConcurrency && host.head < host.queue.length) {
      const job = host.queue[host.head];
      host.queue[host.head++] = undefined as unknown as Job;
      this.queuedCount--;
      host.active++;
      if (this.globalQueue.size === 0 && this.running.size < this.maxConcurrency) {
        this.startJob(job); // an expired job frees its slot again: the loop goes on
      } else {
        this.globalQueue.push(job);
        this.queuedCount++;
      }
    }
    if (host.head === host.queue.length) {
      host.queue.length = 0;
      host.head = 0;
      if (host.active === 0 && this.hosts.get(host.name) === host) this.hosts.delete(host.name);
    } else if (host.head > 1024 && host.head * 2 > host.queue.length) {
      host.queue = host.queue.slice(host.head);
      host.head = 0;
    }
  }

  private drainGlobal(): void {
    while (this.running.size < this.maxConcurrency && this.globalQueue.size > 0) {
      const job = this.globalQueue.pop() as Job;
      this.queuedCount--;
      if (!this.startJob(job)) this.drainHost(job.host);
    }
  }

  private hostState(name: string): HostState {
    let host = this.hosts.get(name);
    if (!host) {
      host = { name, active: 0, queue: [], head: 0 };
      this.hosts.set(name, host);
    }
    return host;
  }

  private skip(check: ScheduledCheck, plannedAt: number, reason: SkipReason): void {
    this.skippedCount++;
    this.onSkip?.(check, plannedAt, reason);
  }
}

const REGULAR = { recheck: false } as const;
const RECHECK = { recheck: true } as const;

function positiveInt(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${n}`);
  return n;
}
