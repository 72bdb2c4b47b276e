import { CheckScheduler, DEFAULT_RUN_SLACK_MS } from './check-scheduler';
import { ManualClock } from './manual-clock';
import type { CheckSchedulerOptions, ScheduledCheck, SkipReason } from './scheduler.types';
import { phaseOf } from './stable-phase';

const T0 = 1_700_000_000_000;

const check = (id: number, over: Partial<ScheduledCheck> = {}): ScheduledCheck => ({
  id,
  key: `sys-${id}/https`,
  intervalMs: 10_000,
  timeoutMs: 5_000,
  host: `host-${id}`,
  ...over,
});

/** n keys whose phase at `intervalMs` falls in the first `windowMs` of the interval. */
function keysInWindow(prefix: string, n: number, intervalMs: number, windowMs: number): string[] {
  const keys: string[] = [];
  for (let i = 0; keys.length < n; i++)
    if (phaseOf(`${prefix}${i}`, intervalMs) < windowMs) keys.push(`${prefix}${i}`);
  return keys;
}

interface RunRecord {
  id: number;
  plannedAt: number;
  startedAt: number;
  endedAt?: number;
  abortedAt?: number;
  reason?: unknown;
  payload?: unknown;
  recheck?: boolean;
}

/** A scheduler on a manual clock whose runs take `durationMs` of fake time (or until aborted). */
function harness(
  opts: Partial<CheckSchedulerOptions> & {
    durationMs?: (c: ScheduledCheck) => number;
    ignoreAbort?: boolean;
  } = {},
) {
  const clock = new ManualClock(T0);
  const runs: RunRecord[] = [];
  const lags: number[] = [];
  const skips: Array<{ id: number; plannedAt: number; reason: SkipReason }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const perHost = new Map<string, number>();
  const maxPerHost = new Map<string, number>();
  const perCheck = new Map<number, number>();
  let maxPerCheck = 0;
  const scheduler = new CheckScheduler({
    clock,
    minIntervalMs: 1000,
    onLag: (lag) => lags.push(lag),
    onSkip: (c, plannedAt, reason) => skips.push({ id: c.id, plannedAt, reason }),
    run: (c, plannedAt, signal, info) => {
      const rec: RunRecord = { id: c.id, plannedAt, startedAt: clock.now(), payload: c.payload, recheck: info.recheck };
      runs.push(rec);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      perHost.set(c.host, (perHost.get(c.host) ?? 0) + 1);
      maxPerHost.set(c.host, Math.max(maxPerHost.get(c.host) ?? 0, perHost.get(c.host)!));
      perCheck.set(c.id, (perCheck.get(c.id) ?? 0) + 1);
      maxPerCheck = Math.max(maxPerCheck, perCheck.get(c.id)!);
      return new Promise<void>((resolve) => {
        const done = () => {
          rec.endedAt = clock.now();
          inFlight--;
          perHost.set(c.host, perHost.get(c.host)! - 1);
          perCheck.set(c.id, perCheck.get(c.id)! - 1);
          resolve();
        };
        const timer = clock.setTimer(done, opts.durationMs ? opts.durationMs(c) : 0);
        signal.addEventListener('abort', () => {
          rec.abortedAt = clock.now();
          rec.reason = signal.reason;
          if (opts.ignoreAbort) return;
          clock.clearTimer(timer);
          done();
        });
      });
    },
    ...opts,
  });
  return {
    clock,
    scheduler,
    runs,
    lags,
    skips,
    maxInFlight: () => maxInFlight,
    maxPerHost: (h: string) => maxPerHost.get(h) ?? 0,
    maxPerCheck: () => maxPerCheck,
    runsOf: (id: number) => runs.filter((r) => r.id === id),
  };
}

describe('CheckScheduler', () => {
  it('runs each check at its interval on its phase grid, with zero lag on a punctual clock', async () => {
    const h = harness();
    h.scheduler.setChecks([check(1), check(2), check(3, { intervalMs: 20_000 })]);
    h.scheduler.start();
    await h.clock.advance(60_000);
    for (const id of [1, 2]) {
      const planned = h.runsOf(id).map((r) => r.plannedAt);
      expect(planned).toHaveLength(6);
      for (const p of planned) expect(p % 10_000).toBe(phaseOf(`sys-${id}/https`, 10_000));
      for (let i = 1; i < planned.length; i++) expect(planned[i] - planned[i - 1]).toBe(10_000);
      expect(planned[0]).toBeGreaterThanOrEqual(T0);
      expect(planned[0] - T0).toBeLessThan(10_000);
    }
    expect(h.runsOf(3)).toHaveLength(3);
    expect(h.lags.every((l) => l === 0)).toBe(true);
    expect(h.lags).toHaveLength(h.runs.length);
    expect(h.skips).toEqual([]);
    await h.scheduler.stop();
  });

  it('gives the same planned times across instances and restarts (the idempotency key)', async () => {
    const a = harness();
    const b = harness();
    await b.clock.advance(123_457); // another agent, started at another moment
    const checks = [check(1), check(2, { key: 'egov-portal/https', intervalMs: 30_000 })];
    a.scheduler.setChecks(checks);
    b.scheduler.setChecks(checks);
    a.scheduler.start();
    b.scheduler.start();
    await a.clock.advance(300_000);
    await b.clock.advance(300_000 - 123_457);
    // b restarts in the middle
    await b.scheduler.stop();
    await b.clock.advance(7_777);
    b.scheduler.start();
    await b.clock.advance(123_457 - 7_777);
    for (const id of [1, 2]) {
      const pa = new Set(a.runsOf(id).map((r) => r.plannedAt));
      const pb = b.runsOf(id).map((r) => r.plannedAt);
      expect(pb.length).toBeGreaterThan(3);
      for (const p of pb) expect(pa.has(p) || p > T0 + 300_000).toBe(true);
    }
    await a.scheduler.stop();
    await b.scheduler.stop();
  });

  it('keeps one timer for thousands of checks', async () => {
    const h = harness({ durationMs: () => 100 });
    h.scheduler.setChecks(Array.from({ length: 2000 }, (_, i) => check(i + 1, { host: `h${i % 50}` })));
    h.scheduler.start();
    // run timers are the harness's; the scheduler's own: at most one
    expect(h.clock.pendingTimers).toBe(1);
    await h.clock.advance(30_000);
    expect(h.runs.length).toBe(6000);
    await h.scheduler.stop();
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('never overlaps a check with itself: a slow run makes the next slot skip', async () => {
    const h = harness({ durationMs: (c) => (c.id === 1 ? 25_000 : 1_000) });
    h.scheduler.setChecks([check(1, { timeoutMs: 30_000 }), check(2)]);
    h.scheduler.start();
    await h.clock.advance(100_000);
    expect(h.maxPerCheck()).toBe(1);
    const overlaps = h.skips.filter((s) => s.reason === 'overlap');
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps.every((s) => s.id === 1)).toBe(true);
    const one = h.runsOf(1);
    // runs of 25 s on a 10 s grid: every third slot runs, the two in between are skipped
    for (let i = 1; i < one.length; i++) {
      expect(one[i].plannedAt - one[i - 1].plannedAt).toBe(30_000);
      expect(one[i].startedAt).toBeGreaterThanOrEqual(one[i - 1].endedAt!);
    }
    expect(h.runsOf(2)).toHaveLength(10);
    expect(h.scheduler.stats().skipped).toBe(overlaps.length);
    await h.scheduler.stop();
  });

  it('aborts the signal as a backstop at start + timeoutMs + slack', async () => {
    const h = harness({ durationMs: () => 60_000 });
    h.scheduler.setChecks([check(1, { timeoutMs: 4_000 })]);
    h.scheduler.start();
    await h.clock.advance(30_000);
    const one = h.runsOf(1);
    expect(one).toHaveLength(3);
    for (const r of one) {
      expect(r.abortedAt).toBe(r.startedAt + 4_000 + DEFAULT_RUN_SLACK_MS);
      expect((r.reason as Error).name).toBe('TimeoutError');
    }
    expect(h.skips).toEqual([]);
    await h.scheduler.stop();
  });

  it('honours the per-host limit, starting queued runs in planned order, lag including the wait', async () => {
    const h = harness({ hostConcurrency: 3, durationMs: () => 2_000 });
    // the 15 busy-host checks all fall due within the same second of the minute
    const busyKeys = keysInWindow('busy', 15, 60_000, 1000);
    const checks = Array.from({ length: 20 }, (_, i) =>
      i < 15
        ? check(i + 1, { key: busyKeys[i], host: 'busy.example', intervalMs: 60_000, timeoutMs: 59_000 })
        : check(i + 1, { host: `other-${i}`, intervalMs: 60_000, timeoutMs: 59_000 }),
    );
    h.scheduler.setChecks(checks);
    h.scheduler.start();
    await h.clock.advance(180_000);
    expect(h.maxPerHost('busy.example')).toBe(3);
    for (let i = 15; i < 20; i++) expect(h.maxPerHost(`other-${i}`)).toBe(1);
    expect(h.runs.length).toBe(60);
    const busy = h.runs.filter((r) => r.id <= 15);
    for (let i = 1; i < busy.length; i++)
      expect(busy[i].plannedAt).toBeGreaterThanOrEqual(busy[i - 1].plannedAt);
    expect(Math.max(...h.lags)).toBeGreaterThanOrEqual(7_000); // the 5th wave waited 4 runs of 2 s (minus its phase spread)
    expect(h.skips).toEqual([]);
    await h.scheduler.stop();
  });

  it('queues behind a host that is full and reports the queueing as lag', async () => {
    // 10 checks, one host, limit 2, all due within one second, runs of 5 s
    const h = harness({ hostConcurrency: 2, durationMs: () => 5_000 });
    const keys = keysInWindow('k', 10, 60_000, 1000);
    h.scheduler.setChecks(
      keys.map((key, i) => check(i + 1, { key, host: 'one', intervalMs: 60_000, timeoutMs: 59_000 })),
    );
    h.clock.jumpTo(Math.ceil(T0 / 60_000) * 60_000 - 1);
    h.scheduler.start();
    await h.clock.advance(40_000);
    expect(h.runs).toHaveLength(10);
    expect(h.maxPerHost('one')).toBe(2);
    const sorted = [...h.runs].sort((a, b) => a.startedAt - b.startedAt);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i].plannedAt).toBeGreaterThanOrEqual(sorted[i - 1].plannedAt);
    expect(Math.max(...h.lags)).toBeGreaterThanOrEqual(19_000); // the 5th pair waited 4 runs of 5 s
    expect(h.lags.filter((l) => l > 0).length).toBeGreaterThanOrEqual(8);
    const s = h.scheduler.stats();
    expect(s.inFlight + s.queued).toBe(0);
    await h.scheduler.stop();
  });

  it('drops a queued run whose deadline passed before a slot freed (expired)', async () => {
    const keys = keysInWindow('e', 4, 60_000, 100);
    const h = harness({ hostConcurrency: 1, durationMs: () => 5_000, ignoreAbort: true });
    h.scheduler.setChecks(
      keys.map((key, i) => check(i + 1, { key, host: 'one', intervalMs: 60_000, timeoutMs: 3_000 })),
    );
    h.clock.jumpTo(Math.ceil(T0 / 60_000) * 60_000 - 1);
    h.scheduler.start();
    await h.clock.advance(10_000);
    expect(h.runs).toHaveLength(1); // the first ran 5 s (ignoring its abort at 3 s), the others expired queued
    expect(h.runs[0].abortedAt).toBe(h.runs[0].startedAt + 3_000 + DEFAULT_RUN_SLACK_MS);
    expect(h.runs[0].endedAt).toBe(h.runs[0].plannedAt + 5_000);
    expect(h.skips.map((s) => s.reason)).toEqual(['expired', 'expired', 'expired']);
    expect(h.scheduler.stats().queued).toBe(0);
    await h.scheduler.stop();
  });

  it('honours the global concurrency cap', async () => {
    const h = harness({ maxConcurrency: 4, hostConcurrency: 6, durationMs: () => 3_000 });
    h.scheduler.setChecks(
      Array.from({ length: 40 }, (_, i) =>
        check(i + 1, { host: `h${i % 10}`, intervalMs: 20_000, timeoutMs: 19_000 }),
      ),
    );
    h.scheduler.start();
    await h.clock.advance(100_000);
    expect(h.maxInFlight()).toBeLessThanOrEqual(4);
    expect(h.maxInFlight()).toBe(4);
    expect(h.runs.length).toBeGreaterThanOrEqual(4 * 20); // 100 s / 3 s * 4 slots... bounded by demand
    await h.scheduler.stop();
  });

  it('setChecks adds, removes and updates, and is idempotent', async () => {
    const h = harness({ durationMs: () => 8_000 });
    const c1 = check(1, { timeoutMs: 9_000, payload: 'v1' });
    h.scheduler.setChecks([c1, check(2)]);
    h.scheduler.start();
    const next1 = h.scheduler.nextPlannedAt(1);
    h.scheduler.setChecks([c1, check(2)]);
    h.scheduler.setChecks([{ ...c1 }, check(2)]);
    expect(h.scheduler.nextPlannedAt(1)).toBe(next1);
    expect(h.scheduler.stats().checks).toBe(2);
    await h.clock.advance(20_000);
    expect(h.runsOf(1)).toHaveLength(2);
    expect(h.runsOf(2)).toHaveLength(2);

    // add 3, remove 2 while it may be running, change 1's payload and interval
    const running2 = h.runsOf(2).at(-1)!;
    h.scheduler.setChecks([{ ...c1, payload: 'v2', intervalMs: 30_000 }, check(3)]);
    expect(h.scheduler.stats().checks).toBe(2);
    expect(h.scheduler.nextPlannedAt(1)! % 30_000).toBe(phaseOf(c1.key, 30_000));
    expect(h.scheduler.nextPlannedAt(2)).toBeUndefined();
    await h.clock.advance(60_000);
    if (running2.endedAt === undefined) throw new Error('removed check’s run did not finish');
    expect(h.runsOf(2)).toHaveLength(2);
    expect(h.runsOf(3).length).toBe(6);
    const later1 = h.runsOf(1).slice(2);
    expect(later1.length).toBe(2);
    for (const r of later1) {
      expect(r.payload).toBe('v2');
      expect(r.plannedAt % 30_000).toBe(phaseOf(c1.key, 30_000));
    }
    // host and timeout changes apply from the next slot
    h.scheduler.setChecks([{ ...c1, payload: 'v2', intervalMs: 30_000, timeoutMs: 1_000 }, check(3)]);
    await h.clock.advance(30_000);
    const last = h.runsOf(1).at(-1)!;
    expect(last.abortedAt).toBe(last.startedAt + 1_000 + DEFAULT_RUN_SLACK_MS);
    await h.scheduler.stop();
  });

  it('refuses intervals below the floor (default 10 s; 1 s allowed when configured) without changing anything', () => {
    const strict = new CheckScheduler({ run: async () => {}, clock: new ManualClock(T0) });
    expect(() => strict.setChecks([check(1, { intervalMs: 5_000 })])).toThrow(RangeError);
    strict.setChecks([check(1, { intervalMs: 10_000 })]);
    expect(() => strict.setChecks([check(2), check(3, { intervalMs: 1_000 })])).toThrow(/below the minimum/);
    expect(strict.stats().checks).toBe(1);
    expect(() => strict.setChecks([check(2), check(2)])).toThrow(/duplicate/);
    expect(() => strict.setChecks([check(2, { timeoutMs: 0 })])).toThrow(RangeError);
    const loose = new CheckScheduler({
      run: async () => {},
      clock: new ManualClock(T0),
      minIntervalMs: 1_000,
    });
    loose.setChecks([check(1, { intervalMs: 1_000 })]);
    expect(loose.stats().checks).toBe(1);
  });

  it('skips slots missed while the loop stalled and runs only the latest one', async () => {
    const h = harness();
    h.scheduler.setChecks([check(1)]);
    h.scheduler.start();
    await h.clock.advance(10_000);
    expect(h.runs).toHaveLength(1);
    const last = h.runs[0].plannedAt;
    h.clock.jumpTo(last + 31_000); // stalled: three slots went by, the latest 1 s ago
    await h.clock.advance(0);
    expect(h.runs).toHaveLength(2);
    expect(h.runs[1].plannedAt).toBe(last + 30_000);
    expect(h.skips).toEqual([
      { id: 1, plannedAt: last + 10_000, reason: 'missed' },
      { id: 1, plannedAt: last + 20_000, reason: 'missed' },
    ]);
    expect(h.lags.at(-1)).toBe(1_000);
    // stalled past the latest slot's deadline too: that one is dropped as expired
    h.clock.jumpTo(last + 30_000 + 38_000);
    await h.clock.advance(0);
    expect(h.runs).toHaveLength(2);
    expect(h.skips.slice(2).map((s) => s.reason)).toEqual(['missed', 'missed', 'expired']);
    await h.scheduler.stop();
  });

  it('carries on when a run throws or rejects, reporting it', async () => {
    const clock = new ManualClock(T0);
    const errors: unknown[] = [];
    let calls = 0;
    const s = new CheckScheduler({
      clock,
      minIntervalMs: 1000,
      onError: (e) => errors.push(e),
      run: () => {
        calls++;
        if (calls % 2) throw new Error('sync');
        return Promise.reject(new Error('async'));
      },
    });
    s.setChecks([check(1)]);
    s.start();
    await clock.advance(40_000);
    expect(calls).toBe(4);
    expect(errors.map((e) => (e as Error).message)).toEqual(['sync', 'async', 'sync', 'async']);
    expect(s.stats().inFlight).toBe(0);
    await s.stop();
  });

  it('stop() aborts runs in flight, resolves when they settled, and schedules nothing more', async () => {
    const h = harness({ durationMs: () => 1_000_000 });
    const keys = keysInWindow('s', 10, 200_000, 1000);
    h.scheduler.setChecks(
      keys.map((key, i) => check(i + 1, { key, host: 'h', timeoutMs: 100_000, intervalMs: 200_000 })),
    );
    h.clock.jumpTo(Math.ceil(T0 / 200_000) * 200_000);
    h.scheduler.start();
    await h.clock.advance(2_000);
    expect(h.scheduler.stats().inFlight).toBe(6);
    expect(h.scheduler.stats().queued).toBe(4);
    const stopped = h.scheduler.stop();
    await stopped;
    expect(h.runs.every((r) => r.endedAt !== undefined && (r.reason as Error).name === 'AbortError')).toBe(
      true,
    );
    expect(h.runs).toHaveLength(6);
    expect(h.scheduler.stats()).toMatchObject({ inFlight: 0, queued: 0 });
    expect(h.clock.pendingTimers).toBe(0);
    await h.clock.advance(1_000_000);
    expect(h.runs).toHaveLength(6);
  });

  it('validates its options', () => {
    expect(() => new CheckScheduler({ run: async () => {}, hostConcurrency: 0 })).toThrow(RangeError);
    expect(() => new CheckScheduler({ run: async () => {}, maxConcurrency: 1.5 })).toThrow(RangeError);
  });

  it('counts the deadline from the real start: a run started late is not aborted at plannedAt + timeout', async () => {
    // one host slot, two checks due together: the second starts 600 ms late, after the first
    const keys = keysInWindow('late', 2, 10_000, 10);
    const h = harness({ hostConcurrency: 1, durationMs: (c) => (c.id === 1 ? 600 : 60_000) });
    h.scheduler.setChecks(keys.map((key, i) => check(i + 1, { key, host: 'one', timeoutMs: 1_000 })));
    h.clock.jumpTo(Math.ceil(T0 / 10_000) * 10_000 - 1);
    h.scheduler.start();
    await h.clock.advance(3_000);
    const late = h.runsOf(2)[0];
    expect(late.startedAt - late.plannedAt).toBeGreaterThanOrEqual(590);
    expect(late.abortedAt).toBe(late.startedAt + 1_000 + DEFAULT_RUN_SLACK_MS);
    expect(late.abortedAt! - late.plannedAt).toBeGreaterThan(1_000 + DEFAULT_RUN_SLACK_MS);
    await h.scheduler.stop();
  });

  it('runs a recheck off the grid, marked as such, and leaves the schedule alone', async () => {
    const h = harness({ durationMs: () => 100 });
    h.scheduler.setChecks([check(1, { intervalMs: 10_000, timeoutMs: 2_000 })]);
    h.scheduler.start();
    await h.clock.advance(10_000);
    const first = h.runsOf(1)[0];
    const nextBefore = h.scheduler.nextPlannedAt(1)!;
    h.clock.jumpTo(first.plannedAt + 200);
    expect(h.scheduler.recheck(1, first.plannedAt + 1_100)).toBe(true);
    expect(h.scheduler.recheck(1, first.plannedAt + 1_200)).toBe(false); // one pending at a time
    await h.clock.advance(25_000);
    const runs = h.runsOf(1);
    const recheck = runs.find((r) => r.recheck)!;
    expect(recheck.plannedAt).toBe(first.plannedAt + 1_100);
    expect(recheck.startedAt).toBe(first.plannedAt + 1_100);
    expect(h.scheduler.nextPlannedAt(1)! - nextBefore).toBe(20_000); // the grid went on unchanged
    expect(runs.filter((r) => !r.recheck).map((r) => r.plannedAt - first.plannedAt)).toEqual([0, 10_000, 20_000]);
    expect(runs.filter((r) => r.recheck)).toHaveLength(1);
    await h.scheduler.stop();
  });

  it('takes a recheck asked from inside the run that saw the change (the check still in flight)', async () => {
    const h = harness({ durationMs: () => 300 });
    h.scheduler.setChecks([check(1, { intervalMs: 10_000, timeoutMs: 2_000 })]);
    h.scheduler.start();
    await h.clock.advance(h.scheduler.nextPlannedAt(1)! - h.clock.now() + 100);
    const first = h.runsOf(1)[0];
    expect(first.endedAt).toBeUndefined(); // in flight until +300
    expect(h.scheduler.recheck(1, first.plannedAt + 1_300)).toBe(true);
    await h.clock.advance(5_000);
    expect(h.runsOf(1).filter((r) => r.recheck).map((r) => r.plannedAt - first.plannedAt)).toEqual([1_300]);
    await h.scheduler.stop();
  });

  it('refuses a recheck when the next regular slot comes first, or the check is unknown', async () => {
    const h = harness({ durationMs: () => 100 });
    h.scheduler.setChecks([check(1, { intervalMs: 2_000, timeoutMs: 1_000 })]);
    h.scheduler.start();
    await h.clock.advance(2_000);
    const next = h.scheduler.nextPlannedAt(1)!;
    expect(h.scheduler.recheck(1, next)).toBe(false);
    expect(h.scheduler.recheck(1, next + 500)).toBe(false);
    expect(h.scheduler.recheck(99, h.clock.now() + 100)).toBe(false);
    await h.scheduler.stop();
    expect(h.scheduler.recheck(1, h.clock.now() + 100)).toBe(false);
  });

  it('under sustained overload accounts for every slot (run or skipped), never queues more than one run per check', async () => {
    // 300 checks at 10 s on one host that admits 2 runs at once, each taking 1 s: demand 30/s, capacity 2/s.
    const h = harness({ hostConcurrency: 2, maxConcurrency: 2, durationMs: () => 1_000 });
    h.scheduler.setChecks(Array.from({ length: 300 }, (_, i) => check(i + 1, { host: 'one', intervalMs: 10_000, timeoutMs: 3_000 })));
    h.scheduler.start();
    let maxQueued = 0;
    for (let s = 0; s < 120; s++) {
      await h.clock.advance(1_000);
      maxQueued = Math.max(maxQueued, h.scheduler.stats().queued);
    }
    await h.scheduler.stop();
    expect(maxQueued).toBeLessThanOrEqual(300);
    expect(h.maxInFlight()).toBe(2);
    const byReason = (r: SkipReason) => h.skips.filter((x) => x.reason === r).length;
    // About capacity ran; the rest were shed as expired (queued past their deadline), none overlapped a run.
    expect(h.runs.length).toBeGreaterThanOrEqual(230);
    expect(h.runs.length).toBeLessThanOrEqual(241);
    expect(byReason('expired')).toBeGreaterThan(3_000);
    // Every planned slot of the 120 s is either a run or a skip (those of the last, cut, 3 s may be neither).
    const planned = 300 * 12;
    expect(h.runs.length + h.skips.length).toBeGreaterThanOrEqual(planned - 300);
    expect(h.runs.length + h.skips.length).toBeLessThanOrEqual(planned + 300);
    // A run that started always started before its deadline.
    expect(h.runs.every((r) => r.startedAt - r.plannedAt < 3_000)).toBe(true);
  });
});
