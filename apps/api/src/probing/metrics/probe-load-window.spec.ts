import { PROBE_LOAD_WINDOW_MS, ProbeLoadWindow } from './probe-load-window';

const T0 = 1_700_000_000_000;

describe('ProbeLoadWindow', () => {
  it('is not overloaded with punctual runs and no skips', () => {
    const w = new ProbeLoadWindow();
    w.observeLags(Array.from({ length: 10_000 }, (_, i) => i % 7), T0);
    expect(w.load(T0 + 1_000)).toEqual({ planned: 10_000, skipped: 0, skippedShare: 0, lagP99Ms: 10, overloaded: false });
  });

  it('is overloaded when the lag p99 over the last minute exceeds 1 s, reading the bucket bound', () => {
    const w = new ProbeLoadWindow();
    w.observeLags([...Array(980).fill(2), ...Array(20).fill(1_500)], T0);
    // (lag only, nothing skipped)
    expect(w.load(T0)).toMatchObject({ lagP99Ms: 2_000, overloaded: true });
    // 1 % late is the p99's own edge: 990 punctual + 10 late keeps the p99 punctual.
    const ok = new ProbeLoadWindow();
    ok.observeLags([...Array(990).fill(2), ...Array(10).fill(1_500)], T0);
    expect(ok.load(T0)).toMatchObject({ lagP99Ms: 5, overloaded: false });
  });

  it('is overloaded when more than 1 % of planned runs were skipped', () => {
    const w = new ProbeLoadWindow();
    w.observeLags(Array(5_000).fill(1), T0);
    w.observeSkipped(45, T0);
    expect(w.load(T0).overloaded).toBe(false);
    w.observeSkipped(30, T0 + 5_000);
    expect(w.load(T0 + 5_000)).toMatchObject({ planned: 5_075, skipped: 75, overloaded: true });
  });

  it('judges nothing on too few samples: a few skips or late runs of a small node are no overload', () => {
    const w = new ProbeLoadWindow();
    w.observeLags([...Array(50).fill(1), ...Array(10).fill(3_000)], T0);
    w.observeSkipped(20, T0);
    expect(w.load(T0)).toMatchObject({ lagP99Ms: 5_000, skippedShare: 0.25, overloaded: false });
  });

  it('forgets what is older than a minute, in 10 s slots, with fixed memory', () => {
    const w = new ProbeLoadWindow();
    w.observeSkipped(500, T0);
    w.observeLags([1], T0);
    expect(w.load(T0).skippedShare).toBeGreaterThan(0.99);
    expect(w.load(T0 + 30_000).overloaded).toBe(true);
    expect(w.load(T0 + PROBE_LOAD_WINDOW_MS + 10_000)).toEqual({ planned: 0, skipped: 0, skippedShare: 0, lagP99Ms: null, overloaded: false });
    // A slot reused ten minutes later starts empty.
    w.observeLags([3], T0 + 600_000);
    expect(w.load(T0 + 600_000)).toMatchObject({ planned: 1, skipped: 0, lagP99Ms: 5 });
    // A lag past the last bucket reads as a minute.
    w.observeLags(Array(100).fill(90_000), T0 + 600_000);
    expect(w.load(T0 + 600_000).lagP99Ms).toBe(60_000);
  });
});
