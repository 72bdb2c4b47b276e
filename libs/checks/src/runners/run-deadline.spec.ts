import { CheckFailure, DeadlineFailure, RunAborted, STARVED_LATE_MS, starvedBy } from './check-failure';
import { runWithDeadline, runWithDeadlineLite } from './run-deadline';

describe('runWithDeadline', () => {
  it('settles with a timeout failure at the deadline even if the work ignores its signal', async () => {
    let sawAbort = false;
    const started = Date.now();
    const settled = await runWithDeadline(50, undefined, (signal) => {
      signal.addEventListener('abort', () => (sawAbort = true));
      return new Promise<void>(() => undefined);
    });
    expect(Date.now() - started).toBeLessThan(500);
    expect(settled.ok).toBe(false);
    expect(!settled.ok && settled.error).toBeInstanceOf(CheckFailure);
    expect(!settled.ok && (settled.error as CheckFailure).errorClass).toBe('timeout');
    expect(sawAbort).toBe(true);
  });

  it('returns the value or the error of the work, never rejecting', async () => {
    await expect(runWithDeadline(1000, undefined, async () => 7)).resolves.toEqual({ ok: true, value: 7 });
    const boom = new Error('boom');
    await expect(
      runWithDeadline(1000, undefined, async () => {
        throw boom;
      }),
    ).resolves.toEqual({ ok: false, error: boom });
  });

  it('stops at once when the caller aborts', async () => {
    const outer = new AbortController();
    const pending = runWithDeadline(10_000, outer.signal, () => new Promise<void>(() => undefined));
    outer.abort();
    const settled = await pending;
    expect(!settled.ok && settled.error).toBeInstanceOf(RunAborted);
  });

  it("treats the scheduler's deadline backstop (TimeoutError) as a timeout of the target, never an unknown", async () => {
    for (const run of [runWithDeadline, runWithDeadlineLite]) {
      const outer = new AbortController();
      const pending = run(10_000, outer.signal, () => new Promise<void>(() => undefined));
      const reason = new Error('check run timed out after 10000 ms');
      reason.name = 'TimeoutError';
      outer.abort(reason);
      const settled = await pending;
      expect(!settled.ok && settled.error).toBeInstanceOf(CheckFailure);
      expect(!settled.ok && (settled.error as CheckFailure).errorClass).toBe('timeout');
    }
  });

  it('an already-aborted outer signal with a TimeoutError reason is a timeout too', async () => {
    const outer = new AbortController();
    const reason = new Error('late');
    reason.name = 'TimeoutError';
    outer.abort(reason);
    const settled = await runWithDeadlineLite(1000, outer.signal, () => new Promise<void>(() => undefined));
    expect(!settled.ok && (settled.error as CheckFailure).errorClass).toBe('timeout');
  });

  it('says how late the deadline was seen, and only a late one counts as starvation', async () => {
    for (const run of [runWithDeadline, runWithDeadlineLite]) {
      const onTime = await run(20, undefined, () => new Promise<void>(() => undefined));
      const onTimeError = !onTime.ok ? (onTime.error as DeadlineFailure) : undefined;
      expect(onTimeError).toBeInstanceOf(DeadlineFailure);
      expect(starvedBy(onTimeError, 20)).toBeUndefined();
      // Block the loop past the deadline, as a saturated probe thread would.
      const pending = run(20, undefined, () => new Promise<void>(() => undefined));
      const until = performance.now() + STARVED_LATE_MS + 150;
      while (performance.now() < until) {
        /* busy */
      }
      const late = await pending;
      const lateError = !late.ok ? (late.error as DeadlineFailure) : undefined;
      expect(lateError?.lateMs).toBeGreaterThan(STARVED_LATE_MS);
      expect(starvedBy(lateError, 20)).toBe(lateError?.lateMs);
      // The same lateness is no starvation for a long timeout (under a tenth of it).
      expect(starvedBy(lateError, 60_000)).toBeUndefined();
      expect(starvedBy(new CheckFailure('timeout', 'socket timeout'), 20)).toBeUndefined();
    }
  });
});
