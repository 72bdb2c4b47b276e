import { BadRequestException } from '@nestjs/common';
import {
  agencyBucketStatus,
  checkStatusFromCounts,
  summarize,
  systemBucketStatus,
  uptimeOf,
  emptyUptimeMinutes,
} from './uptime-status';
import { resolveRange } from './uptime.service';
import { sloFraction } from './slo.service';

describe('checkStatusFromCounts', () => {
  it.each([
    [{ up: 0, degraded: 0, down: 3 }, 'major_outage'],
    [{ up: 1, degraded: 0, down: 1 }, 'partial_outage'],
    [{ up: 0, degraded: 2, down: 1 }, 'partial_outage'],
    [{ up: 3, degraded: 1, down: 0 }, 'degraded_performance'],
    [{ up: 2, degraded: 0, down: 0 }, 'operational'],
    [{ up: 0, degraded: 0, down: 0 }, null],
  ])('%j -> %s', (counts, status) => {
    expect(checkStatusFromCounts(counts)).toBe(status);
  });

  it('no row is no data', () => {
    expect(checkStatusFromCounts(undefined)).toBeNull();
  });
});

describe('bucket roll-ups', () => {
  it('system: maintenance overrides, all critical checks down is major, some down is partial', () => {
    expect(systemBucketStatus(['major_outage'], true)).toBe('under_maintenance');
    expect(systemBucketStatus(['major_outage', 'major_outage'], false)).toBe('major_outage');
    expect(systemBucketStatus(['major_outage', 'operational'], false)).toBe('partial_outage');
    expect(systemBucketStatus([null, null], false)).toBeNull();
  });

  it('agency: a critical-tier system in major outage makes the agency major', () => {
    expect(
      agencyBucketStatus([
        { status: 'major_outage', tier: 'critical' },
        { status: 'operational', tier: 'normal' },
      ]),
    ).toBe('major_outage');
    expect(
      agencyBucketStatus([
        { status: 'major_outage', tier: 'normal' },
        { status: 'operational', tier: 'critical' },
      ]),
    ).toBe('partial_outage');
  });
});

describe('summarize', () => {
  const day = Date.UTC(2026, 0, 9, 19, 0); // 2026-01-10 00:00 Asia/Almaty (UTC+5)

  it('60 major + 100 partial minutes in a day -> 1 − (60 + 30)/1440, per Almaty date', () => {
    const buckets = Array.from({ length: 1440 }, (_, i) => ({
      start: day + i * 60_000,
      segments: [
        {
          status:
            i < 60
              ? ('major_outage' as const)
              : i < 160
                ? ('partial_outage' as const)
                : ('operational' as const),
          minutes: 1,
        },
      ],
    }));
    const s = summarize(buckets, true);
    expect(s.days).toHaveLength(1);
    expect(s.days[0].date).toBe('2026-01-10');
    expect(s.days[0].uptime).toBeCloseTo(1 - 90 / 1440, 12);
    expect(s.total.minutes).toEqual({
      major: 60,
      partial: 100,
      degraded: 0,
      operational: 1280,
      maintenance: 0,
      no_data: 0,
    });
  });

  it('maintenance and no data are excluded; nothing measurable is null', () => {
    const s = summarize(
      [
        {
          start: day,
          segments: [
            { status: 'under_maintenance', minutes: 30 },
            { status: 'major_outage', minutes: 30 },
          ],
        },
        { start: day + 3_600_000, segments: [{ status: null, minutes: 60 }] },
        { start: day + 7_200_000, segments: [{ status: 'degraded_performance', minutes: 60 }] },
      ],
      false,
    );
    expect(s.days).toEqual([]);
    expect(s.total.uptime).toBeCloseTo(1 - 30 / 90, 12);
    expect(s.total.minutes.no_data).toBe(60);
    expect(uptimeOf({ ...emptyUptimeMinutes(), no_data: 10, maintenance: 5 })).toBeNull();
  });
});

describe('resolveRange', () => {
  const now = Date.UTC(2026, 5, 1);
  const message = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(BadRequestException);
      return (e as BadRequestException).message;
    }
    throw new Error('no error');
  };

  it('defaults to the last 30 days, per day, hourly', () => {
    expect(resolveRange({}, now)).toEqual({
      from: now - 30 * 86_400_000,
      to: now,
      granularity: 'day',
      resolution: '1h',
    });
  });

  it('≤ 2 days reads minutes', () => {
    expect(resolveRange({ from: '2026-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' }, now).resolution).toBe(
      '1m',
    );
  });

  it('names the bad field', () => {
    expect(message(() => resolveRange({ from: 'nope' }, now))).toMatch(/^from/);
    expect(
      message(() => resolveRange({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }, now)),
    ).toMatch(/^to/);
    expect(
      message(() => resolveRange({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, now)),
    ).toMatch(/^from/);
    expect(message(() => resolveRange({ granularity: 'week' }, now))).toMatch(/^granularity/);
  });
});

describe('sloFraction', () => {
  it('percent to fraction, default 0.999', () => {
    expect(sloFraction(99.5)).toBeCloseTo(0.995, 12);
    expect(sloFraction(null)).toBe(0.999);
    expect(sloFraction(100)).toBe(0.999);
  });
});
