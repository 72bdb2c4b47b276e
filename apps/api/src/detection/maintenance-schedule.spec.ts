import fc from 'fast-check';
import { RRule } from 'rrule';
import { maintenanceActiveAt, MaintenanceWindowInfo } from './maintenance-schedule';

const recurring = (
  recurrence: string,
  startTime: string,
  durationS: number,
  timezone = 'Asia/Almaty',
): MaintenanceWindowInfo => ({
  code: 'w',
  systemIds: [1],
  timezone,
  startsAt: null,
  endsAt: null,
  recurrence,
  startTime,
  durationMs: durationS * 1000,
});
// Asia/Almaty is UTC+5 (no DST) since March 2024.
const almaty = (local: string) => Date.parse(`${local}+05:00`);
const utc = (text: string) => Date.parse(`${text}Z`);
const activeAt = (w: MaintenanceWindowInfo, times: number[]) => times.map((t) => maintenanceActiveAt(w, t));

describe('maintenanceActiveAt', () => {
  it('one-off windows are [starts_at, ends_at)', () => {
    const w: MaintenanceWindowInfo = {
      ...recurring('FREQ=DAILY', '00:00', 1),
      recurrence: null,
      startTime: null,
      durationMs: null,
      startsAt: 1000,
      endsAt: 2000,
    };
    expect(activeAt(w, [999, 1000, 1999, 2000])).toEqual([false, true, true, false]);
  });

  it('weekly on Sundays 02:00 local for 2 hours', () => {
    const w = recurring('FREQ=WEEKLY;BYDAY=SU', '02:00', 7200);
    expect(maintenanceActiveAt(w, almaty('2026-01-04T02:30:00'))).toBe(true); // a Sunday
    expect(maintenanceActiveAt(w, almaty('2026-01-04T04:00:00'))).toBe(false);
    expect(maintenanceActiveAt(w, almaty('2026-01-05T02:30:00'))).toBe(false); // Monday
  });

  it('daily windows crossing midnight, and UNTIL', () => {
    const w = recurring('FREQ=DAILY;UNTIL=20260110', '23:00', 7200);
    expect(maintenanceActiveAt(w, almaty('2026-01-06T00:30:00'))).toBe(true);
    expect(maintenanceActiveAt(w, almaty('2026-01-06T01:30:00'))).toBe(false);
    expect(maintenanceActiveAt(w, almaty('2026-01-12T23:30:00'))).toBe(false);
  });

  it('monthly on the last Sunday', () => {
    const w = recurring('FREQ=MONTHLY;BYDAY=-1SU', '03:00', 3600);
    expect(maintenanceActiveAt(w, almaty('2026-01-25T03:10:00'))).toBe(true);
    expect(maintenanceActiveAt(w, almaty('2026-01-18T03:10:00'))).toBe(false);
  });

  it('INTERVAL=2 weekly: every other Sunday from DTSTART', () => {
    const w = recurring('DTSTART:20260104\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', '02:00', 7200);
    const sundays = ['2026-01-04', '2026-01-11', '2026-01-18', '2026-01-25', '2026-03-01', '2026-03-08'];
    expect(
      activeAt(
        w,
        sundays.map((d) => almaty(`${d}T02:30:00`)),
      ),
    ).toEqual([true, false, true, false, true, false]);
    expect(maintenanceActiveAt(w, almaty('2025-12-21T02:30:00'))).toBe(false); // before DTSTART
  });

  it('COUNT=3: three windows from DTSTART, then none', () => {
    const w = recurring('DTSTART:20260105 RRULE:FREQ=DAILY;COUNT=3', '01:00', 3600);
    const days = ['2026-01-04', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-02-08'];
    expect(
      activeAt(
        w,
        days.map((d) => almaty(`${d}T01:30:00`)),
      ),
    ).toEqual([false, true, true, true, false, false]);
  });

  it('UNTIL as a date is the whole local day, also west of UTC', () => {
    const w = recurring('FREQ=DAILY;UNTIL=20260110', '22:00', 3600, 'America/New_York');
    // 22:30 in New York on 10 January is 03:30 UTC on the 11th: still the 10th locally.
    expect(maintenanceActiveAt(w, utc('2026-01-11T03:30:00'))).toBe(true);
    expect(maintenanceActiveAt(w, utc('2026-01-12T03:30:00'))).toBe(false);
  });

  it('UNTIL as a UTC time ends the rule at that instant', () => {
    // Almaty 02:00 is 21:00 UTC the day before: the 10 January window starts after UNTIL.
    const w = recurring('FREQ=DAILY;UNTIL=20260109T210000Z', '02:00', 3600);
    expect(maintenanceActiveAt(w, almaty('2026-01-10T02:30:00'))).toBe(true);
    const earlier = recurring('FREQ=DAILY;UNTIL=20260109T205959Z', '02:00', 3600);
    expect(maintenanceActiveAt(earlier, almaty('2026-01-10T02:30:00'))).toBe(false);
    expect(maintenanceActiveAt(earlier, almaty('2026-01-09T02:30:00'))).toBe(true);
  });

  it('plain WEEKLY recurs on the weekday of DTSTART', () => {
    const w = recurring('DTSTART:20260106 RRULE:FREQ=WEEKLY', '04:00', 3600); // a Tuesday
    const days = ['2026-01-06', '2026-01-07', '2026-01-13', '2026-06-02', '2026-06-03'];
    expect(
      activeAt(
        w,
        days.map((d) => almaty(`${d}T04:10:00`)),
      ),
    ).toEqual([true, false, true, true, false]);
  });

  it('plain MONTHLY recurs on the day of the month of DTSTART', () => {
    const w = recurring('DTSTART:20260115 RRULE:FREQ=MONTHLY', '04:00', 3600);
    const days = ['2026-01-15', '2026-02-15', '2026-02-16', '2026-07-15', '2027-01-15'];
    expect(
      activeAt(
        w,
        days.map((d) => almaty(`${d}T04:10:00`)),
      ),
    ).toEqual([true, true, false, true, true]);
  });

  it('a window crossing midnight covers the next morning, only after an occurrence', () => {
    const w = recurring('DTSTART:20260104 RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', '23:00', 3 * 3600);
    expect(maintenanceActiveAt(w, almaty('2026-01-05T01:30:00'))).toBe(true); // Monday after
    expect(maintenanceActiveAt(w, almaty('2026-01-05T02:00:00'))).toBe(false);
    expect(maintenanceActiveAt(w, almaty('2026-01-12T01:30:00'))).toBe(false); // off week
    expect(maintenanceActiveAt(w, almaty('2026-01-19T01:30:00'))).toBe(true);
    // Last day of each month 22:00 for 4 hours: into the 1st of the next month.
    const monthEnd = recurring('FREQ=MONTHLY;BYMONTHDAY=-1', '22:00', 4 * 3600);
    expect(maintenanceActiveAt(monthEnd, almaty('2026-03-01T01:00:00'))).toBe(true); // after 28 February
    expect(maintenanceActiveAt(monthEnd, almaty('2026-02-28T21:00:00'))).toBe(false);
  });

  it('times are wall-clock times in a DST zone (Europe/Berlin)', () => {
    const w = recurring('FREQ=WEEKLY;BYDAY=SU', '02:30', 3600, 'Europe/Berlin');
    expect(maintenanceActiveAt(w, utc('2026-01-04T01:45:00'))).toBe(true); // 02:45 CET (+1)
    expect(maintenanceActiveAt(w, utc('2026-07-05T00:45:00'))).toBe(true); // 02:45 CEST (+2)
    expect(maintenanceActiveAt(w, utc('2026-07-05T01:45:00'))).toBe(false);
    // 29 March 2026: 02:30 does not exist (02:00 -> 03:00), so the window starts at 03:30 CEST.
    expect(maintenanceActiveAt(w, utc('2026-03-29T01:45:00'))).toBe(true);
    expect(maintenanceActiveAt(w, utc('2026-03-29T00:45:00'))).toBe(false);
    // 25 October 2026: 02:30 happens twice; the window starts at the first one (CEST).
    expect(maintenanceActiveAt(w, utc('2026-10-25T00:45:00'))).toBe(true);
    expect(maintenanceActiveAt(w, utc('2026-10-25T01:45:00'))).toBe(false);
  });

  it('answers the same whatever order the instants are asked in', () => {
    const w = recurring('DTSTART:20260104 RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=SU', '02:00', 7200);
    const times = Array.from({ length: 60 }, (_, i) => almaty('2026-01-04T02:30:00') + i * 7 * 86_400_000);
    const forward = activeAt(w, times);
    const shuffled = [...times]
      .reverse()
      .map((t) => maintenanceActiveAt(w, t))
      .reverse();
    expect(shuffled).toEqual(forward);
    expect(forward.filter(Boolean)).toHaveLength(20);
  });

  it('agrees with rrule walked from DTSTART, for arbitrary rules and instants', () => {
    const rules = fc.record({
      freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY'),
      interval: fc.integer({ min: 1, max: 5 }),
      startDay: fc.integer({ min: 0, max: 400 }),
      hour: fc.integer({ min: 0, max: 23 }),
      durationH: fc.integer({ min: 1, max: 30 }),
      count: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(rules, fc.integer({ min: 0, max: 3 * 365 * 24 }), (r, atHour) => {
        const dtstart = new Date(Date.UTC(2026, 0, 1) + r.startDay * 86_400_000);
        const ymd = dtstart.toISOString().slice(0, 10).replace(/-/g, '');
        const body = `FREQ=${r.freq};INTERVAL=${r.interval}${r.count ? `;COUNT=${r.count}` : ''}`;
        const hhmm = `${String(r.hour).padStart(2, '0')}:00`;
        const w = recurring(`DTSTART:${ymd} RRULE:${body}`, hhmm, r.durationH * 3600);
        const at = Date.UTC(2026, 0, 1) + atHour * 3_600_000 + 1_800_000;
        // Reference: rrule from DTSTART in floating Almaty time (UTC+5 all year).
        const reference = RRule.fromString(`DTSTART:${ymd}T${hhmm.replace(':', '')}00Z\nRRULE:${body}`);
        const last = reference.before(new Date(at + 5 * 3_600_000), true);
        const expected = last !== null && at < last.getTime() - 5 * 3_600_000 + r.durationH * 3_600_000;
        return maintenanceActiveAt(w, at) === expected;
      }),
      { numRuns: 300 },
    );
  });
});
