/**
 * Pure uptime derivation (docs/uptime.md): rollup counts -> a check's status per bucket,
 * checks -> system status (rollupSystemStatus), systems -> agency status (rollupAgencyStatus),
 * statuses -> weighted minutes -> uptimeFromMinutes.
 */
import type { PublicStatus, SystemTier } from '@kuzet/contracts';
import { utcToLocalDateTime } from '@kuzet/contracts';
import { rollupAgencyStatus, rollupSystemStatus, uptimeFromMinutes } from '@kuzet/detection';

export const UPTIME_TIMEZONE = 'Asia/Almaty';

/** One check's outcome counts in one bucket, summed over its regions. */
export interface BucketCounts {
  up: number;
  degraded: number;
  down: number;
}

/**
 * A check's status in a bucket:
 *  - major_outage          down > 0 and no up/degraded
 *  - partial_outage        down > 0 and some up/degraded
 *  - degraded_performance  degraded > 0 and no down
 *  - operational           up only
 *  - null (no data)        only unknown results, or no row at all
 */
export function checkStatusFromCounts(c: BucketCounts | undefined): PublicStatus | null {
  if (!c) return null;
  const ok = c.up + c.degraded;
  if (c.down > 0) return ok > 0 ? 'partial_outage' : 'major_outage';
  if (c.degraded > 0) return 'degraded_performance';
  if (c.up > 0) return 'operational';
  return null;
}

/** A system's status in a bucket from its enabled checks' statuses (maintenance overrides). */
export function systemBucketStatus(
  checkStatuses: readonly (PublicStatus | null)[],
  maintenance: boolean,
): PublicStatus | null {
  return rollupSystemStatus({ checks: checkStatuses.map((status) => ({ status })), maintenance });
}

export function agencyBucketStatus(
  systems: readonly { status: PublicStatus | null; tier: SystemTier }[],
): PublicStatus | null {
  return rollupAgencyStatus(systems);
}

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

export function emptyUptimeMinutes(): UptimeMinutes {
  return { major: 0, partial: 0, degraded: 0, operational: 0, maintenance: 0, no_data: 0 };
}

export function addStatusMinutes(m: UptimeMinutes, status: PublicStatus | null, weight: number): void {
  switch (status) {
    case 'major_outage':
      m.major += weight;
      break;
    case 'partial_outage':
      m.partial += weight;
      break;
    case 'degraded_performance':
      m.degraded += weight;
      break;
    case 'operational':
      m.operational += weight;
      break;
    case 'under_maintenance':
      m.maintenance += weight;
      break;
    default:
      m.no_data += weight;
  }
}

export function uptimeOf(m: UptimeMinutes): number | null {
  return uptimeFromMinutes({
    major_outage: m.major,
    partial_outage: m.partial,
    degraded_performance: m.degraded,
    operational: m.operational,
    under_maintenance: m.maintenance,
  });
}

/** A bucket split into status segments (a 1h bucket may be partly under maintenance). */
export interface WeightedBucket {
  start: number;
  segments: { status: PublicStatus | null; minutes: number }[];
}

export interface UptimeSummary {
  days: ({ date: string } & UptimeEntry)[];
  total: UptimeEntry;
}

/** Sums weighted buckets per local calendar day (Asia/Almaty) and over the whole range. */
export function summarize(
  buckets: readonly WeightedBucket[],
  byDay: boolean,
  zone: string = UPTIME_TIMEZONE,
): UptimeSummary {
  const total = emptyUptimeMinutes();
  const days = new Map<string, UptimeMinutes>();
  const dateCache = new Map<number, string>();
  for (const b of buckets) {
    const add = (m: UptimeMinutes) => {
      for (const seg of b.segments) if (seg.minutes > 0) addStatusMinutes(m, seg.status, seg.minutes);
    };
    add(total);
    if (byDay) {
      // Zone offsets change on whole hours at most: cache the local date per UTC hour.
      const hour = Math.floor(b.start / 3_600_000);
      let date = dateCache.get(hour);
      if (date === undefined) {
        date = utcToLocalDateTime(new Date(b.start), zone).slice(0, 10);
        dateCache.set(hour, date);
      }
      let m = days.get(date);
      if (!m) days.set(date, (m = emptyUptimeMinutes()));
      add(m);
    }
  }
  return {
    days: [...days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, minutes]) => ({ date, uptime: uptimeOf(minutes), minutes })),
    total: { uptime: uptimeOf(total), minutes: total },
  };
}
