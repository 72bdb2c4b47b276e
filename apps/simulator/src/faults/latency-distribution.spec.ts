import { createSeededRandom } from '../random/seeded-random';
import { MAX_LATENCY_MS, sampleLatencyMs } from './latency-distribution';

const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))];

describe('sampleLatencyMs', () => {
  it('returns a fixed latency as is', () => {
    expect(sampleLatencyMs({ distribution: 'fixed', ms: 250 }, createSeededRandom(1))).toBe(250);
  });

  it('keeps uniform draws within bounds, mean in the middle', () => {
    const r = createSeededRandom('u');
    const draws = Array.from({ length: 5000 }, () =>
      sampleLatencyMs({ distribution: 'uniform', min: 100, max: 300 }, r),
    );
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...draws)).toBeLessThanOrEqual(300);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - 200)).toBeLessThan(6);
  });

  it('matches the lognormal median and p95 it was given', () => {
    const r = createSeededRandom('ln');
    const draws = Array.from({ length: 20_000 }, () =>
      sampleLatencyMs({ distribution: 'lognormal', median: 200, p95: 800 }, r),
    ).sort((a, b) => a - b);
    expect(quantile(draws, 0.5)).toBeGreaterThan(190);
    expect(quantile(draws, 0.5)).toBeLessThan(210);
    expect(quantile(draws, 0.95)).toBeGreaterThan(740);
    expect(quantile(draws, 0.95)).toBeLessThan(860);
  });

  it('caps a lognormal at its max and everything at the global ceiling', () => {
    const r = createSeededRandom('cap');
    const draws = Array.from({ length: 2000 }, () =>
      sampleLatencyMs({ distribution: 'lognormal', median: 500, p95: 50_000, max: 1000 }, r),
    );
    expect(Math.max(...draws)).toBe(1000);
    expect(sampleLatencyMs({ distribution: 'fixed', ms: 10 * MAX_LATENCY_MS }, r)).toBe(MAX_LATENCY_MS);
  });

  it('is reproducible by seed', () => {
    const spec = { distribution: 'lognormal' as const, median: 100, p95: 400 };
    const a = createSeededRandom(9);
    const b = createSeededRandom(9);
    expect(Array.from({ length: 10 }, () => sampleLatencyMs(spec, a))).toEqual(
      Array.from({ length: 10 }, () => sampleLatencyMs(spec, b)),
    );
  });
});
