import type { PublicStatus } from '@kuzet/contracts';
import { countStatusMinutes, emptyStatusMinutes, uptimeFromMinutes, uptimeFromSamples } from './uptime';

const rep = (status: PublicStatus | null, n: number) => Array<PublicStatus | null>(n).fill(status);

describe('uptime', () => {
  it('all operational is 1', () => {
    expect(uptimeFromSamples(rep('operational', 1440))).toBe(1);
  });
  it('degraded counts as up', () => {
    expect(uptimeFromSamples([...rep('operational', 10), ...rep('degraded_performance', 90)])).toBe(1);
  });
  it('major minutes count fully', () => {
    expect(uptimeFromSamples([...rep('operational', 90), ...rep('major_outage', 10)])).toBeCloseTo(0.9, 12);
  });
  it('partial minutes count at 0.3', () => {
    expect(uptimeFromSamples([...rep('operational', 90), ...rep('partial_outage', 10)])).toBeCloseTo(
      0.97,
      12,
    );
  });
  it('maintenance is excluded from the denominator', () => {
    // 1 - (10 + 0.3 * 20) / (200 - 100) = 0.84
    const samples = [
      ...rep('operational', 70),
      ...rep('major_outage', 10),
      ...rep('partial_outage', 20),
      ...rep('under_maintenance', 100),
    ];
    expect(uptimeFromSamples(samples)).toBeCloseTo(0.84, 12);
  });
  it('minutes without data are excluded', () => {
    expect(
      uptimeFromSamples([...rep('operational', 9), ...rep('major_outage', 1), ...rep(null, 90)]),
    ).toBeCloseTo(0.9, 12);
  });
  it('nothing measurable (only maintenance, or nothing) is null', () => {
    expect(uptimeFromSamples([])).toBeNull();
    expect(uptimeFromSamples(rep('under_maintenance', 60))).toBeNull();
    expect(uptimeFromSamples(rep(null, 60))).toBeNull();
  });
  it('all major is 0, all partial is 0.7', () => {
    expect(uptimeFromSamples(rep('major_outage', 30))).toBe(0);
    expect(uptimeFromSamples(rep('partial_outage', 30))).toBeCloseTo(0.7, 12);
  });
  it('counts minutes per status and accepts pre-counted minutes (rollups)', () => {
    expect(countStatusMinutes(['operational', 'major_outage', null, 'major_outage'])).toEqual({
      ...emptyStatusMinutes(),
      operational: 1,
      major_outage: 2,
    });
    expect(uptimeFromMinutes({ ...emptyStatusMinutes(), operational: 43_170, major_outage: 30 })).toBeCloseTo(
      1 - 30 / 43_200,
      12,
    );
  });
});
