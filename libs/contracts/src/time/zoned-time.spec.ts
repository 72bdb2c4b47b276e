import { isValidTimeZone, localDateTimeToUtc, parseLocalDateTime, utcToLocalDateTime } from './zoned-time';

describe('zoned time', () => {
  it('converts Asia/Almaty local time to UTC (UTC+5 since March 2024)', () => {
    expect(localDateTimeToUtc('2026-12-01T01:00', 'Asia/Almaty')).toEqual({
      ok: true,
      utc: new Date('2026-11-30T20:00:00Z'),
    });
    expect(localDateTimeToUtc('2026-12-01T01:00:30', 'UTC')).toEqual({
      ok: true,
      utc: new Date('2026-12-01T01:00:30Z'),
    });
  });

  it('picks the earlier instant for a time that occurs twice, and refuses a skipped one', () => {
    // Europe/Berlin: 2026-10-25 03:00 CEST -> 02:00 CET; 2026-03-29 02:00 CET -> 03:00 CEST.
    expect(localDateTimeToUtc('2026-10-25T02:30', 'Europe/Berlin')).toEqual({
      ok: true,
      utc: new Date('2026-10-25T00:30:00Z'),
    });
    expect(localDateTimeToUtc('2026-03-29T02:30', 'Europe/Berlin')).toEqual({
      ok: false,
      reason: 'nonexistent',
    });
    expect(localDateTimeToUtc('2026-07-01T12:00', 'America/New_York')).toEqual({
      ok: true,
      utc: new Date('2026-07-01T16:00:00Z'),
    });
  });

  it('refuses malformed times and unknown zones', () => {
    expect(localDateTimeToUtc('2026-02-30T01:00', 'UTC')).toEqual({ ok: false, reason: 'malformed' });
    expect(localDateTimeToUtc('2026-12-01 01:00', 'UTC')).toEqual({ ok: false, reason: 'malformed' });
    expect(localDateTimeToUtc('2026-12-01T24:00', 'UTC')).toEqual({ ok: false, reason: 'malformed' });
    expect(localDateTimeToUtc('2026-12-01T01:00', 'Mars/Olympus')).toEqual({
      ok: false,
      reason: 'unknown_zone',
    });
    expect(parseLocalDateTime('2026-12-01T01:00Z')).toBeUndefined();
    expect(isValidTimeZone('Asia/Almaty')).toBe(true);
    expect(isValidTimeZone('Nowhere/Special')).toBe(false);
  });

  it('goes back from UTC to the wall clock', () => {
    expect(utcToLocalDateTime(new Date('2026-11-30T20:00:00Z'), 'Asia/Almaty')).toBe('2026-12-01T01:00:00');
  });
});
