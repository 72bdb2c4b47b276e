import { bucketStart, chooseResolution, ROLLUP_SPECS } from './rollup-resolution';
import { InvalidTimeRangeError } from './timeseries.errors';

const at = (iso: string) => new Date(iso);
const H = 3_600_000;

describe('chooseResolution', () => {
  const from = at('2026-11-01T00:00:00Z');
  const after = (ms: number) => new Date(from.getTime() + ms);

  it.each([
    [1 * H, '1m'],
    [12 * H, '1m'],
    [12 * H + 1, '1h'],
    [7 * 24 * H, '1h'],
    [30 * 24 * H, '1h'],
    [30 * 24 * H + 1, '1d'],
    [365 * 24 * H, '1d'],
  ])('a span of %d ms reads %s', (span, expected) => {
    expect(chooseResolution(from, after(span))).toBe(expected);
  });

  it('keeps every choice at or under 720 points', () => {
    for (const span of [H, 12 * H, 13 * H, 30 * 24 * H, 31 * 24 * H, 2 * 365 * 24 * H]) {
      const res = chooseResolution(from, after(span));
      if (res !== '1d') expect(span / ROLLUP_SPECS[res].widthMs).toBeLessThanOrEqual(720);
    }
  });

  it('moves to 1h when the range starts before the 1-minute rollups are kept', () => {
    const now = at('2026-11-26T12:00:00Z');
    expect(chooseResolution(at('2026-11-26T06:00:00Z'), now, { now, minuteRetentionDays: 30 })).toBe('1m');
    expect(
      chooseResolution(at('2026-10-20T06:00:00Z'), at('2026-10-20T08:00:00Z'), {
        now,
        minuteRetentionDays: 30,
      }),
    ).toBe('1h');
  });

  it('rejects empty, reversed and invalid ranges', () => {
    expect(() => chooseResolution(from, from)).toThrow(InvalidTimeRangeError);
    expect(() => chooseResolution(after(H), from)).toThrow(InvalidTimeRangeError);
    expect(() => chooseResolution(new Date('nope'), from)).toThrow(InvalidTimeRangeError);
  });
});

describe('bucketStart', () => {
  it('aligns to UTC minutes, hours and days (TimescaleDB origin 2000-01-03 is a whole day after the epoch)', () => {
    const t = at('2026-11-26T17:42:31.250Z').getTime();
    expect(new Date(bucketStart(t, '1m')).toISOString()).toBe('2026-11-26T17:42:00.000Z');
    expect(new Date(bucketStart(t, '1h')).toISOString()).toBe('2026-11-26T17:00:00.000Z');
    expect(new Date(bucketStart(t, '1d')).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(at('2000-01-03T00:00:00Z').getTime() % ROLLUP_SPECS['1d'].widthMs).toBe(0);
  });
});
