import { parseRecurrenceRule } from './recurrence';

describe('parseRecurrenceRule', () => {
  it('reads the supported subset', () => {
    expect(parseRecurrenceRule('FREQ=WEEKLY;BYDAY=SU')).toEqual({
      ok: true,
      rule: { freq: 'WEEKLY', interval: 1, byDay: [{ ordinal: 0, day: 'SU' }], byMonthDay: [], byMonth: [] },
    });
    const monthly = parseRecurrenceRule('RRULE:FREQ=MONTHLY;BYDAY=-1SA;INTERVAL=2;COUNT=5');
    expect(monthly.ok && monthly.rule).toMatchObject({
      freq: 'MONTHLY',
      interval: 2,
      count: 5,
      byDay: [{ ordinal: -1, day: 'SA' }],
    });
  });

  it.each([
    ['BYDAY=SU', /FREQ is required/],
    ['FREQ=HOURLY', /not supported/],
    ['FREQ=DAILY;BYHOUR=2', /BYHOUR is not supported/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY entry "XX"/],
    ['FREQ=DAILY;COUNT=2;UNTIL=20270101', /COUNT and UNTIL/],
    ['FREQ=DAILY;FREQ=WEEKLY', /given twice/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY/],
  ])('refuses %p', (text, message) => {
    const r = parseRecurrenceRule(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
