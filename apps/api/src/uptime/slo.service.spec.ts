import { sloFraction } from './slo.service';

describe('sloFraction', () => {
  it('percent to fraction, default 0.999', () => {
    expect(sloFraction(99.5)).toBeCloseTo(0.995, 12);
    expect(sloFraction(null)).toBe(0.999);
    expect(sloFraction(100)).toBe(0.999);
  });
});
