import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { PublicStatus } from '@kuzet/contracts';
import { maintenanceActiveAt } from '../detection/maintenance-schedule';
import type { MaintenanceWindowInfo } from '../detection/maintenance-schedule';
import { UptimeRepository } from './uptime.repository';
import type { UptimeResolution, UptimeSystem } from './uptime.repository';
import { agencyBucketStatus, checkStatusFromCounts, summarize, systemBucketStatus } from './uptime-status';
import type { UptimeEntry, WeightedBucket } from './uptime-status';

export type UptimeGranularity = 'day' | 'range';

export interface UptimeQuery {
  from?: string;
  to?: string;
  granularity?: string;
}

export interface UptimeReport {
  from: string;
  to: string;
  granularity: UptimeGranularity;
  resolution: UptimeResolution;
  days: ({ date: string } & UptimeEntry)[];
  total: UptimeEntry;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 400;
/** Ranges up to this long are read per minute (check_rollup_1m); longer ones per hour. */
export const MINUTE_RESOLUTION_MAX_MS = 2 * DAY;

export interface ResolvedRange {
  from: number;
  to: number;
  granularity: UptimeGranularity;
  resolution: UptimeResolution;
}

function parseInstant(field: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new BadRequestException(`${field}: not an ISO 8601 date-time`);
  return t;
}

/** Query -> range; 400 naming the field for anything invalid. */
export function resolveRange(query: UptimeQuery, now: number): ResolvedRange {
  const granularity = (query.granularity ?? 'day') as UptimeGranularity;
  if (granularity !== 'day' && granularity !== 'range')
    throw new BadRequestException("granularity: must be 'day' or 'range'");
  const to = parseInstant('to', query.to) ?? now;
  const from = parseInstant('from', query.from) ?? to - DEFAULT_RANGE_DAYS * DAY;
  if (to <= from) throw new BadRequestException('to: must be after from');
  if (to - from > MAX_RANGE_DAYS * DAY)
    throw new BadRequestException(`from: the range from..to exceeds ${MAX_RANGE_DAYS} days`);
  return { from, to, granularity, resolution: to - from <= MINUTE_RESOLUTION_MAX_MS ? '1m' : '1h' };
}

const BUCKET_MS: Record<UptimeResolution, number> = { '1m': MINUTE, '1h': 60 * MINUTE };

@Injectable()
export class UptimeService {
  constructor(private readonly repo: UptimeRepository) {}

  async system(code: string, query: UptimeQuery, now = Date.now()): Promise<UptimeReport> {
    const range = resolveRange(query, now);
    const system = await this.repo.systemByCode(code);
    if (!system) throw new NotFoundException(`system ${code} not found`);
    return this.report(range, [system], (statuses) => statuses[0]);
  }

  async agency(code: string, query: UptimeQuery, now = Date.now()): Promise<UptimeReport> {
    const range = resolveRange(query, now);
    const systems = await this.repo.agencySystems(code);
    if (!systems) throw new NotFoundException(`agency ${code} not found`);
    return this.report(range, systems, (statuses) =>
      agencyBucketStatus(statuses.map((status, i) => ({ status, tier: systems[i].tier }))),
    );
  }

  /**
   * Buckets over [floor(from), to): each system's status per bucket from its checks, then
   * `combine` (identity for one system, the agency roll-up for an agency). A bucket's minutes
   * are split by which systems are under maintenance at each minute.
   */
  private async report(
    range: ResolvedRange,
    systems: readonly UptimeSystem[],
    combine: (statuses: (PublicStatus | null)[]) => PublicStatus | null,
  ): Promise<UptimeReport> {
    const step = BUCKET_MS[range.resolution];
    const start = Math.floor(range.from / step) * step;
    const counts = await this.repo.bucketCounts(
      range.resolution,
      systems.flatMap((s) => s.checkIds),
      new Date(start),
      new Date(range.to),
    );
    const windows = await this.repo.maintenanceWindows(systems.map((s) => s.id));
    const windowsBySystem = systems.map((s) => windows.filter((w) => w.systemIds.includes(s.id)));
    const minutesPerBucket = step / MINUTE;
    const buckets: WeightedBucket[] = [];
    for (let t = start; t < range.to; t += step) {
      const row = counts.get(t);
      const base = systems.map((s) =>
        systemBucketStatus(
          s.checkIds.map((id) => checkStatusFromCounts(row?.get(id))),
          false,
        ),
      );
      const flags = windowsBySystem.map((ws) => maintenanceMinutes(ws, t, minutesPerBucket));
      if (flags.every((f) => f === null)) {
        buckets.push({ start: t, segments: [{ status: combine(base), minutes: minutesPerBucket }] });
        continue;
      }
      // Group the bucket's minutes by the set of systems under maintenance.
      const groups = new Map<string, number>();
      for (let i = 0; i < minutesPerBucket; i++) {
        const key = flags.map((f) => (f?.[i] ? '1' : '0')).join('');
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
      buckets.push({
        start: t,
        segments: [...groups].map(([key, minutes]) => ({
          status: combine(base.map((status, i) => (key[i] === '1' ? systemBucketStatus([], true) : status))),
          minutes,
        })),
      });
    }
    const summary = summarize(buckets, range.granularity === 'day');
    return {
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
      granularity: range.granularity,
      resolution: range.resolution,
      days: summary.days,
      total: summary.total,
    };
  }
}

/** Per minute of the bucket, whether a window covers it; null when none does. */
function maintenanceMinutes(
  windows: readonly MaintenanceWindowInfo[],
  bucketStart: number,
  minutes: number,
): boolean[] | null {
  if (windows.length === 0) return null;
  const bucketEnd = bucketStart + minutes * MINUTE;
  const candidates = windows.filter(
    (w) => w.startsAt === null || w.endsAt === null || (w.startsAt < bucketEnd && w.endsAt > bucketStart),
  );
  if (candidates.length === 0) return null;
  let any = false;
  const flags: boolean[] = [];
  for (let i = 0; i < minutes; i++) {
    const at = bucketStart + i * MINUTE;
    const active = candidates.some((w) => maintenanceActiveAt(w, at));
    flags.push(active);
    any ||= active;
  }
  return any ? flags : null;
}
