import {
  DEFAULT_LATENCY_BASELINE_CONFIG,
  EwmaBucket,
  hourOfWeek,
  initialLatencyBaselineState,
  LatencyBaselineConfig,
  LatencyBaselineState,
  logLatency,
  stepLatencyBaseline,
  updateBucket,
} from './latency-baseline';

const HOUR = 3_600_000;
const WEEK = 168 * HOUR;
// Monday 2026-11-23 10:00 Asia/Almaty (UTC+5) = 05:00 UTC: hour-of-week 10.
const MON_10 = Date.UTC(2026, 10, 23, 5, 0);
const cfg = (over: Partial<LatencyBaselineConfig> = {}): LatencyBaselineConfig => ({
  ...DEFAULT_LATENCY_BASELINE_CONFIG,
  ...over,
});

/** Feeds `count` samples into the same hour-of-week bucket (one per minute within the hour). */
function feed(
  state: LatencyBaselineState,
  latencies: number[] | ((i: number) => number),
  count: number,
  start = MON_10,
  config = cfg(),
) {
  let s = state;
  for (let i = 0; i < count; i++) {
    const latencyMs = typeof latencies === 'function' ? latencies(i) : latencies[i % latencies.length]!;
    // Same hour of later weeks once the hour is full, so every sample lands in one bucket.
    const at = start + (i % 60) * 60_000 + Math.floor(i / 60) * WEEK;
    s = stepLatencyBaseline(s, { at, latencyMs }, config).state;
  }
  return s;
}

describe('hourOfWeek', () => {
  it('is 0 on Monday 00:00 Almaty and 167 one minute before', () => {
    expect(hourOfWeek(Date.UTC(2026, 10, 22, 19, 0))).toBe(0);
    expect(hourOfWeek(Date.UTC(2026, 10, 22, 18, 59))).toBe(167);
    expect(hourOfWeek(MON_10)).toBe(10);
  });
  it('honours the offset; the epoch (a Thursday) is hour 72 in UTC', () => {
    expect(hourOfWeek(0, 0)).toBe(72);
    expect(hourOfWeek(Date.UTC(2026, 10, 23, 0, 0), 0)).toBe(0);
    expect(hourOfWeek(MON_10 + WEEK)).toBe(10);
  });
  it('works before the epoch', () => {
    expect(hourOfWeek(-HOUR, 0)).toBe(71);
  });
});

describe('updateBucket / logLatency', () => {
  it('with alpha = 1/n gives the running mean and population variance', () => {
    let b: EwmaBucket = { n: 0, mean: 0, variance: 0 };
    for (const x of [1, 2, 3]) b = updateBucket(b, x, 1 / (b.n + 1));
    expect(b.n).toBe(3);
    expect(b.mean).toBeCloseTo(2, 12);
    expect(b.variance).toBeCloseTo(2 / 3, 12);
  });
  it('clamps sub-millisecond latencies to 1 ms', () => {
    expect(logLatency(0)).toBe(0);
    expect(logLatency(0.2)).toBe(0);
    expect(logLatency(Math.E)).toBeCloseTo(1, 12);
  });
});

describe('latency baseline', () => {
  it('initial state is plain JSON with 168 empty buckets', () => {
    const s = initialLatencyBaselineState();
    expect(s.buckets).toHaveLength(168);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  describe('absolute threshold', () => {
    it('is strict: equal is not slow, above is', () => {
      const c = cfg({ absoluteMs: 500 });
      const s = initialLatencyBaselineState();
      expect(stepLatencyBaseline(s, { at: MON_10, latencyMs: 500 }, c).slow).toBe(false);
      const r = stepLatencyBaseline(s, { at: MON_10, latencyMs: 501 }, c);
      expect(r.slow).toBe(true);
      expect(r.reason).toBe('absolute');
    });
    it('applies before warm-up, when nothing else does', () => {
      const c = cfg({ absoluteMs: 500 });
      let s = initialLatencyBaselineState();
      const results = [600, 600, 600].map((latencyMs, i) => {
        const r = stepLatencyBaseline(s, { at: MON_10 + i * 60_000, latencyMs }, c);
        s = r.state;
        return r;
      });
      expect(results.map((r) => r.judgedBy)).toEqual([null, null, null]);
      expect(results.map((r) => r.degraded)).toEqual([false, false, true]);
      expect(results[2]!.transition).toBe('degraded');
    });
  });

  describe('warm-up', () => {
    it('a cold baseline (29 samples) never calls a sample slow', () => {
      const s = feed(initialLatencyBaselineState(), [100], 29);
      const r = stepLatencyBaseline(s, { at: MON_10 + 30 * 60_000, latencyMs: 10_000 });
      expect(r.judgedBy).toBeNull();
      expect(r.slow).toBe(false);
      expect(r.thresholdMs).toBeNull();
    });
    it('a warm hour bucket (30 samples) judges', () => {
      const s = feed(initialLatencyBaselineState(), [100], 30);
      const r = stepLatencyBaseline(s, { at: MON_10 + 30 * 60_000, latencyMs: 10_000 });
      expect(r.judgedBy).toBe('hour');
      expect(r.slow).toBe(true);
      expect(r.reason).toBe('baseline');
    });
    it('falls back to the warm global bucket while the hour bucket is cold', () => {
      const s = feed(initialLatencyBaselineState(), [100], 30);
      const otherHour = MON_10 + 5 * HOUR;
      const r = stepLatencyBaseline(s, { at: otherHour, latencyMs: 10_000 });
      expect(r.judgedBy).toBe('global');
      expect(r.slow).toBe(true);
      const off = stepLatencyBaseline(
        s,
        { at: otherHour, latencyMs: 10_000 },
        cfg({ globalFallback: false }),
      );
      expect(off.judgedBy).toBeNull();
      expect(off.slow).toBe(false);
    });
    it('honours a custom warm-up size', () => {
      const c = cfg({ warmupSamples: 5 });
      const s = feed(initialLatencyBaselineState(), [100], 5, MON_10, c);
      expect(stepLatencyBaseline(s, { at: MON_10, latencyMs: 10_000 }, c).judgedBy).toBe('hour');
    });
  });

  describe('slow threshold', () => {
    it('uses the stddev floor for a perfectly steady service: 100 ms * e^(3 * 0.1)', () => {
      const s = feed(initialLatencyBaselineState(), [100], 40);
      const r = stepLatencyBaseline(s, { at: MON_10, latencyMs: 100 });
      expect(r.thresholdMs).toBeCloseTo(100 * Math.exp(0.3), 6);
      expect(stepLatencyBaseline(s, { at: MON_10, latencyMs: 134 }).slow).toBe(false);
      expect(stepLatencyBaseline(s, { at: MON_10, latencyMs: 136 }).slow).toBe(true);
    });
    it('uses mean + z * stddev when the spread is larger than the floor', () => {
      // ln-latencies alternate ln(100) +- 0.5: mean ln(100), stddev 0.5 (population).
      const lo = 100 * Math.exp(-0.5);
      const hi = 100 * Math.exp(0.5);
      const s = feed(initialLatencyBaselineState(), [lo, hi], 40, MON_10, cfg({ alpha: 0.000001 }));
      const r = stepLatencyBaseline(s, { at: MON_10, latencyMs: 100 });
      expect(r.thresholdMs!).toBeCloseTo(100 * Math.exp(1.5), 0);
      const z2 = stepLatencyBaseline(s, { at: MON_10, latencyMs: 100 }, cfg({ z: 2 }));
      expect(z2.thresholdMs!).toBeCloseTo(100 * Math.exp(1.0), 0);
    });
    it('a fast sample is never slow', () => {
      const s = feed(initialLatencyBaselineState(), [100], 40);
      expect(stepLatencyBaseline(s, { at: MON_10, latencyMs: 1 }).slow).toBe(false);
    });
    it('reports absolute as the reason when both apply', () => {
      const s = feed(initialLatencyBaselineState(), [100], 40);
      const r = stepLatencyBaseline(s, { at: MON_10, latencyMs: 5000 }, cfg({ absoluteMs: 1000 }));
      expect(r.reason).toBe('absolute');
    });
    it('uses hour-of-week seasonality: slow at night is normal at noon', () => {
      // Night bucket learns 50 ms, noon bucket learns 400 ms.
      const night = Date.UTC(2026, 10, 23, 22, 0); // Tue 03:00 Almaty
      const noon = Date.UTC(2026, 10, 24, 7, 0); // Tue 12:00 Almaty
      let s = feed(initialLatencyBaselineState(), [50], 40, night);
      s = feed(s, [400], 40, noon);
      expect(stepLatencyBaseline(s, { at: noon, latencyMs: 400 }).slow).toBe(false);
      expect(stepLatencyBaseline(s, { at: night, latencyMs: 400 }).slow).toBe(true);
    });
  });

  describe('K of M', () => {
    const run = (slows: boolean[], k = 3, m = 5) => {
      const c = cfg({ absoluteMs: 500, k, m });
      let s = initialLatencyBaselineState();
      return slows.map((slow, i) => {
        const r = stepLatencyBaseline(s, { at: MON_10 + i * 60_000, latencyMs: slow ? 600 : 100 }, c);
        s = r.state;
        return r;
      });
    };
    it('2 of 5 is not degraded, 3 of 5 is (boundary)', () => {
      expect(run([true, false, true, false, false]).map((r) => r.degraded)).toEqual([
        false,
        false,
        false,
        false,
        false,
      ]);
      const r = run([true, false, true, false, true]);
      expect(r.at(-1)!.degraded).toBe(true);
      expect(r.at(-1)!.transition).toBe('degraded');
    });
    it('slides: slow samples older than M no longer count, and recovery is reported once', () => {
      const r = run([true, true, true, false, false, false, false]);
      expect(r.map((x) => x.degraded)).toEqual([false, false, true, true, true, false, false]);
      expect(r.map((x) => x.transition)).toEqual([
        undefined,
        undefined,
        'degraded',
        undefined,
        undefined,
        'recovered',
        undefined,
      ]);
      expect(r.at(-1)!.state.recent).toHaveLength(5);
    });
    it('K and M are configurable (1 of 1)', () => {
      expect(run([true], 1, 1)[0]!.degraded).toBe(true);
      expect(run([true, false], 1, 1)[1]!.degraded).toBe(false);
    });
  });

  describe('slow samples do not drag the baseline', () => {
    it('a slow sample moves the mean by slowAlpha only and leaves the variance alone', () => {
      const s = feed(initialLatencyBaselineState(), [100, 110], 60);
      const before = s.buckets[10]!;
      const r = stepLatencyBaseline(s, { at: MON_10, latencyMs: 10_000 });
      expect(r.slow).toBe(true);
      const after = r.state.buckets[10]!;
      expect(after.n).toBe(before.n + 1);
      expect(after.variance).toBe(before.variance);
      expect(after.mean - before.mean).toBeCloseTo(0.005 * (Math.log(10_000) - before.mean), 12);
    });
    it('a cold hour bucket learns every sample (else a naturally slower hour never warms up)', () => {
      const s = feed(initialLatencyBaselineState(), [100], 40);
      const other = MON_10 + 3 * HOUR;
      const r = stepLatencyBaseline(s, { at: other, latencyMs: 10_000 });
      expect(r.judgedBy).toBe('global');
      expect(r.slow).toBe(true);
      expect(r.state.buckets[13]!).toEqual({ n: 1, mean: Math.log(10_000), variance: 0 });
      // The warm global bucket took it at slowAlpha, mean only.
      expect(r.state.global.variance).toBe(s.global.variance);
      expect(r.state.global.mean - s.global.mean).toBeCloseTo(0.005 * (Math.log(10_000) - s.global.mean), 12);
    });
    it('a sustained 10x slowdown stays degraded for a long time (200 samples)', () => {
      let s = feed(initialLatencyBaselineState(), (i) => 100 + (i % 7) * 5, 200);
      let stillDegraded = true;
      for (let i = 0; i < 200; i++) {
        const r = stepLatencyBaseline(s, { at: MON_10 + (i % 60) * 60_000, latencyMs: 1000 });
        s = r.state;
        if (i >= 2) stillDegraded &&= r.degraded;
      }
      expect(stillDegraded).toBe(true);
    });
    it('but a permanent shift is eventually learned (no eternal degraded)', () => {
      let s = feed(initialLatencyBaselineState(), (i) => 100 + (i % 7) * 5, 200);
      let last = true;
      for (let i = 0; i < 2000; i++) {
        const r = stepLatencyBaseline(s, { at: MON_10 + (i % 60) * 60_000, latencyMs: 200 });
        s = r.state;
        last = r.degraded;
      }
      expect(last).toBe(false);
    });
  });

  it('state survives a JSON round trip with identical results', () => {
    const s = feed(initialLatencyBaselineState(), (i) => 100 + (i % 5) * 3, 50);
    const restored = JSON.parse(JSON.stringify(s)) as LatencyBaselineState;
    const a = stepLatencyBaseline(s, { at: MON_10, latencyMs: 900 });
    const b = stepLatencyBaseline(restored, { at: MON_10, latencyMs: 900 });
    expect(b).toEqual(a);
  });

  it('does not mutate its input state', () => {
    const s = feed(initialLatencyBaselineState(), [100], 5);
    const copy = JSON.parse(JSON.stringify(s));
    stepLatencyBaseline(s, { at: MON_10, latencyMs: 5000 });
    expect(s).toEqual(copy);
  });
});
