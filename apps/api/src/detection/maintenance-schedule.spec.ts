import { maintenanceActiveAt, MaintenanceWindowInfo } from './maintenance-schedule';

const recurring = (recurrence: string, startTime: string, durationS: number): MaintenanceWindowInfo => ({
  code: 'w',
  systemIds: [1],
  timezone: 'Asia/Almaty',
  startsAt: null,
  endsAt: null,
  recurrence,
  startTime,
  durationMs: durationS * 1000,
});
// Asia/Almaty is UTC+5 (no DST).
const almaty = (local: string) => Date.parse(`${local}+05:00`);

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
    expect(maintenanceActiveAt(w, 999)).toBe(false);
    expect(maintenanceActiveAt(w, 1000)).toBe(true);
    expect(maintenanceActiveAt(w, 1999)).toBe(true);
    expect(maintenanceActiveAt(w, 2000)).toBe(false);
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
});
