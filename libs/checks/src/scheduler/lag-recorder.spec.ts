import { LagRecorder } from './lag-recorder';

describe('LagRecorder', () => {
  it('gives percentiles, mean and max', () => {
    const r = new LagRecorder(1000);
    for (let i = 1; i <= 100; i++) r.record(i);
    expect(r.count).toBe(100);
    expect(r.percentile(50)).toBe(50);
    expect(r.percentile(99)).toBe(99);
    expect(r.percentile(100)).toBe(100);
    expect(r.mean).toBeCloseTo(50.5);
    expect(r.max).toBe(100);
  });

  it('clamps negatives to 0 and reports the max past its range', () => {
    const r = new LagRecorder(10);
    r.record(-3);
    r.record(5000);
    expect(r.percentile(50)).toBe(0);
    expect(r.percentile(100)).toBe(5000);
    r.reset();
    expect(r.count).toBe(0);
    expect(r.percentile(99)).toBe(0);
  });
});
