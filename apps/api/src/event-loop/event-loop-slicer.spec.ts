import { EventLoopSlicer } from './event-loop-slicer';

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
});
