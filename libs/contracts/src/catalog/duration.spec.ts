import {
  durationSchema,
  formatDuration,
  InvalidDurationError,
  parseDuration,
  tryParseDuration,
} from './duration';

describe('durations', () => {
  it.each([
    ['500ms', 0.5],
    ['30s', 30],
    ['5m', 300],
    ['1h', 3600],
    ['1d', 86400],
    ['1h30m', 5400],
    ['1.5s', 1.5],
    ['100ms', 0.1],
    [' 30s ', 30],
    ['45', 45],
    [30, 30],
    [0.25, 0.25],
  ])('parses %p as %p seconds', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(['', '30x', 's', '-5s', '5 s', '1h-30m', 'ten seconds', '30S', '1.s'])('refuses %p', (input) => {
    expect(tryParseDuration(input)).toBeUndefined();
    expect(() => parseDuration(input)).toThrow(InvalidDurationError);
  });

  it('refuses non-finite and negative numbers and other types', () => {
    expect(tryParseDuration(Number.NaN)).toBeUndefined();
    expect(tryParseDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(tryParseDuration(-1)).toBeUndefined();
    expect(tryParseDuration(null)).toBeUndefined();
    expect(tryParseDuration({})).toBeUndefined();
  });

  it.each([
    [0.5, '500ms'],
    [30, '30s'],
    [90, '90s'],
    [300, '5m'],
    [3600, '1h'],
    [5400, '90m'],
    [0, '0s'],
  ])('formats %p seconds as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('schema: positive durations only, with a readable message', () => {
    expect(durationSchema.parse('2m')).toBe(120);
    const zero = durationSchema.safeParse(0);
    expect(zero.success).toBe(false);
    expect(zero.error?.issues[0].message).toBe('must be greater than 0');
    const bad = durationSchema.safeParse('fast');
    expect(bad.error?.issues[0].message).toMatch(/expected a duration such as 500ms, 30s/);
    expect(durationSchema.safeParse(true).success).toBe(false);
  });
});
