import { BACKGROUND_REST_MS, DEFAULT_SLICE_MS, EventLoopSlicer } from './event-loop-slicer';

const busy = (ms: number) => {
  const start = performance.now();
  while (performance.now() - start < ms) {
    // holding the event loop, as a long batch does
  }
};

describe('EventLoopSlicer', () => {
  it('lets queued work run once its slice is used up, then starts a new slice', async () => {
    const slicer = new EventLoopSlicer(1);
    let ran = false;
    setImmediate(() => (ran = true));
    busy(3);
    expect(slicer.due).toBe(true);
    await slicer.next();
    expect(ran).toBe(true);
    expect(slicer.due).toBe(false);
  });

  it('does not yield within a slice', async () => {
    const slicer = new EventLoopSlicer(60_000);
    let ran = false;
    setImmediate(() => (ran = true));
    for (let i = 0; i < 1_000; i++) await slicer.next();
    expect(ran).toBe(false);
  });

  it('rests on a timer after each slice of background work, so due timers and I/O go first', async () => {
    const slicer = EventLoopSlicer.background();
    let timerRan = false;
    setTimeout(() => (timerRan = true), 1);
    busy(DEFAULT_SLICE_MS + 1);
    const restStart = performance.now();
    await slicer.next();
    expect(timerRan).toBe(true);
    // A timer never fires before its delay (1 ms of rounding allowed).
    expect(performance.now() - restStart).toBeGreaterThanOrEqual(BACKGROUND_REST_MS - 1);
    expect(slicer.due).toBe(false);
  });
});
