/**
 * Uptime of a status timeline over a range, per local day and in total (docs/uptime.md): the
 * time spent in each status, weighted by uptimeFromMinutes (major outage fully, partial outage
 * at 0.3, degraded not at all; maintenance and no data excluded from both sides).
 */
import type { PublicStatus } from '@kuzet/contracts';
import { uptimeFromMinutes } from '@kuzet/detection';
import { localDays } from './local-days';
import { statusSegments } from './status-timeline';
import type { StatusSegment, StatusTimeline } from './status-timeline';

export const UPTIME_TIMEZONE = 'Asia/Almaty';

const MINUTE = 60_000;

export interface UptimeMinutes {
  major: number;
  partial: number;
  degraded: number;
  operational: number;
  maintenance: number;
  no_data: number;
}

export interface UptimeEntry {
  uptime: number | null;
  minutes: UptimeMinutes;
}

export interface UptimeSummary {
  days: ({ date: string } & UptimeEntry)[];
  total: UptimeEntry;
}

export function emptyUptimeMinutes(): UptimeMinutes {
  return { major: 0, partial: 0, degraded: 0, operational: 0, maintenance: 0, no_data: 0 };
}

const FIELD: Record<PublicStatus, keyof UptimeMinutes> = {
  major_outage: 'major',
  partial_outage: 'partial',
  degraded_performance: 'degraded',
  operational: 'operational',
  under_maintenance: 'maintenance',
};

/** Works in any unit of time: only the ratios matter. */
export function uptimeOf(m: UptimeMinutes): number | null {
  return uptimeFromMinutes({
    major_outage: m.major,
    partial_outage: m.partial,
    degraded_performance: m.degraded,
    operational: m.operational,
    under_maintenance: m.maintenance,
  });
}

/** Index of the first segment ending after `t` (segments in order, contiguous). */
function firstEndingAfter(segments: readonly StatusSegment[], t: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Exact milliseconds per status of the segments' parts inside [start, end). */
function timeIn(segments: readonly StatusSegment[], start: number, end: number): UptimeMinutes {
  const ms = emptyUptimeMinutes();
  for (let i = firstEndingAfter(segments, start); i < segments.length && segments[i].start < end; i++) {
    const s = segments[i];
    ms[s.status === null ? 'no_data' : FIELD[s.status]] += Math.min(end, s.end) - Math.max(start, s.start);
  }
  return ms;
}

/** The uptime from exact milliseconds; the time reported in minutes (fractional when changes are). */
function entry(ms: UptimeMinutes): UptimeEntry {
  const minutes = emptyUptimeMinutes();
  for (const key of Object.keys(minutes) as (keyof UptimeMinutes)[]) minutes[key] = ms[key] / MINUTE;
  return { uptime: uptimeOf(ms), minutes };
}

/**
 * Integrates the timeline over [from, to): the total, and with `byDay` one entry per local
 * calendar day of `zone` (the first and last may be partial).
 */
export function summarize(
  timeline: StatusTimeline,
  from: number,
  to: number,
  byDay: boolean,
  zone: string = UPTIME_TIMEZONE,
): UptimeSummary {
  const segments = statusSegments(timeline, from, to);
  return {
    days: byDay
      ? localDays(from, to, zone).map((d) => ({ date: d.date, ...entry(timeIn(segments, d.start, d.end)) }))
      : [],
    total: entry(timeIn(segments, from, to)),
  };
}
