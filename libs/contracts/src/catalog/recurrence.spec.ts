import { parseRecurrenceRule } from './recurrence';

describe('parseRecurrenceRule', () => {
  it('reads the supported subset', () => {
    expect(parseRecurrenceRule('FREQ=WEEKLY;BYDAY=SU')).toEqual({
      ok: true,
      rule: { freq: 'WEEKLY', interval: 1, byDay: [{ ordinal: 0, day: 'SU' }], byMonthDay: [], byMonth: [] },
    });
    const monthly = parseRecurrenceRule('DTSTART:20260131\nRRULE:FREQ=MONTHLY;BYDAY=-1SA;INTERVAL=2;COUNT=5');
    expect(monthly.ok && monthly.rule).toMatchObject({
      freq: 'MONTHLY',
      interval: 2,
      count: 5,
      dtstart: '2026-01-31',
      byDay: [{ ordinal: -1, day: 'SA' }],
    });
  });

  it('takes DTSTART on its own line or before the rule on the same line', () => {
    for (const text of ['DTSTART:20260104 RRULE:FREQ=WEEKLY', 'dtstart;value=date:20260104\nfreq=weekly']) {
      const r = parseRecurrenceRule(text);
      expect(r.ok && r.rule).toMatchObject({ freq: 'WEEKLY', dtstart: '2026-01-04' });
    }
  });

  it.each([
    ['BYDAY=SU', /FREQ is required/],
    ['FREQ=HOURLY', /not supported/],
    ['FREQ=DAILY;BYHOUR=2', /BYHOUR is not supported/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY entry "XX"/],
    ['FREQ=DAILY;COUNT=2;UNTIL=20270101', /COUNT and UNTIL/],
    ['FREQ=DAILY;FREQ=WEEKLY', /given twice/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY/],
    ['FREQ=DAILY;UNTIL=20270231', /UNTIL must be a date/],
    ['FREQ=DAILY;COUNT=10001', /COUNT must be a whole number from 1 to 10000/],
    // Rules whose dates hang on their first date need it.
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', /INTERVAL needs DTSTART/],
    ['FREQ=DAILY;COUNT=3', /COUNT needs DTSTART/],
    ['FREQ=WEEKLY', /FREQ=WEEKLY without BYDAY needs DTSTART/],
    ['FREQ=MONTHLY', /FREQ=MONTHLY without BYDAY or BYMONTHDAY needs DTSTART/],
    ['DTSTART:20260104T020000 RRULE:FREQ=DAILY', /time of day is the start_time field/],
    ['DTSTART;TZID=Europe/Berlin:20260104 RRULE:FREQ=DAILY', /timezone field/],
    ['DTSTART:20260230 RRULE:FREQ=DAILY', /DTSTART must be a local date/],
    ['DTSTART:20260104 DTSTART:20260105 RRULE:FREQ=DAILY', /DTSTART given twice/],
    ['FREQ=DAILY FREQ=WEEKLY', /unexpected "FREQ=WEEKLY"/],
    ['DTSTART:20260104 RRULE:FREQ=DAILY;UNTIL=20260101', /UNTIL is before DTSTART/],
    // Combinations that RFC 5545 forbids or that could never occur.
    ['FREQ=WEEKLY;BYDAY=1SU', /needs FREQ=MONTHLY or YEARLY/],
    ['FREQ=MONTHLY;BYDAY=6SU', /out of range/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /BYMONTHDAY needs FREQ=MONTHLY or YEARLY/],
    ['DTSTART:20260101 RRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=1', /BYMONTH with INTERVAL/],
    ['DTSTART:20260101 RRULE:FREQ=DAILY;INTERVAL=7;BYDAY=MO', /BYDAY with INTERVAL needs FREQ=WEEKLY/],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', /never occurs/],
    ['DTSTART:20250101 RRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29', /never occurs/],
  ])('refuses %p', (text, message) => {
    const r = parseRecurrenceRule(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('accepts rare but possible dates', () => {
    expect(parseRecurrenceRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29').ok).toBe(true);
    expect(parseRecurrenceRule('FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR').ok).toBe(true);
  });
});
