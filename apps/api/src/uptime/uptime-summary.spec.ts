import { emptyUptimeMinutes, summarize, uptimeOf } from './uptime-summary';
import type { UptimeMinutes } from './uptime-summary';

const MIN = 60_000;
/** 2026-01-10 00:00 Asia/Almaty (UTC+5). */
const D = Date.UTC(2026, 0, 9, 19, 0);
const minutes = (m: Partial<UptimeMinutes>): UptimeMinutes => ({ ...emptyUptimeMinutes(), ...m });

describe('summarize: a status timeline -> weighted minutes per Almaty day', () => {
  it('60 major + 100 partial minutes in a day -> 1 − (60 + 0.3 × 100)/1440', () => {
    const s = summarize(
      [
        { at: D, status: 'major_outage' },
        { at: D + 60 * MIN, status: 'partial_outage' },
        { at: D + 160 * MIN, status: 'operational' },
      ],
      D,
      D + 1440 * MIN,
      true,
    );
    expect(s.days).toHaveLength(1);
    expect(s.days[0].date).toBe('2026-01-10');
    expect(s.days[0].uptime).toBeCloseTo(1 - 90 / 1440, 12);
    expect(s.total.minutes).toEqual(minutes({ major: 60, partial: 100, operational: 1280 }));
  });

  it('degraded counts as up; changes between whole minutes are counted exactly', () => {
    const s = summarize(
      [
        { at: D, status: 'degraded_performance' },
        { at: D + 30_000, status: 'major_outage' },
        { at: D + 75_000, status: 'operational' },
      ],
      D,
      D + 10 * MIN,
      false,
    );
    expect(s.total.minutes).toEqual(minutes({ degraded: 0.5, major: 0.75, operational: 8.75 }));
    expect(s.total.uptime).toBeCloseTo(1 - 0.75 / 10, 12);
  });

  it('an outage across local midnight is split between the two Almaty dates', () => {
    const s = summarize(
      [
        { at: D - 60 * MIN, status: 'operational' },
        { at: D - 30 * MIN, status: 'major_outage' },
        { at: D + 30 * MIN, status: 'operational' },
      ],
      D - 60 * MIN,
      D + 60 * MIN,
      true,
    );
    expect(s.days).toEqual([
      { date: '2026-01-09', uptime: 0.5, minutes: minutes({ operational: 30, major: 30 }) },
      { date: '2026-01-10', uptime: 0.5, minutes: minutes({ major: 30, operational: 30 }) },
    ]);
    expect(s.total.uptime).toBe(0.5);
  });

  it('maintenance and no data (null, or before the first change) are excluded from both sides', () => {
    const s = summarize(
      [
        { at: D + 60 * MIN, status: 'under_maintenance' },
        { at: D + 90 * MIN, status: 'major_outage' },
        { at: D + 120 * MIN, status: null },
        { at: D + 180 * MIN, status: 'operational' },
      ],
      D,
      D + 240 * MIN,
      false,
    );
    expect(s.days).toEqual([]);
    expect(s.total.minutes).toEqual(minutes({ no_data: 120, maintenance: 30, major: 30, operational: 60 }));
    expect(s.total.uptime).toBeCloseTo(1 - 30 / 90, 12);
  });

  it('nothing measurable is null, not 100 %', () => {
    expect(summarize([], D, D + 1440 * MIN, true).days).toEqual([
      { date: '2026-01-10', uptime: null, minutes: minutes({ no_data: 1440 }) },
    ]);
    expect(summarize([{ at: D, status: 'under_maintenance' }], D, D + MIN, false).total.uptime).toBeNull();
    expect(uptimeOf(minutes({ no_data: 10, maintenance: 5 }))).toBeNull();
  });
});
