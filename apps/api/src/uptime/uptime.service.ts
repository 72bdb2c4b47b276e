import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { rollupAgencyStatus } from '@kuzet/detection';
import { UptimeRepository } from './uptime.repository';
import type { UptimeSystem } from './uptime.repository';
import { mergeTimelines, observedUntil } from './status-timeline';
import type { StatusTimeline } from './status-timeline';
import { summarize } from './uptime-summary';
import type { UptimeEntry } from './uptime-summary';

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
  /** Always 'exact': the status timeline is integrated to the millisecond (no buckets). */
  resolution: 'exact';
  days: ({ date: string } & UptimeEntry)[];
  total: UptimeEntry;
}

const DAY = 86_400_000;
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 400;

export interface ResolvedRange {
  from: number;
  to: number;
  granularity: UptimeGranularity;
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
  return { from, to, granularity };
}

@Injectable()
export class UptimeService {
  constructor(private readonly repo: UptimeRepository) {}

  async system(code: string, query: UptimeQuery, now = Date.now()): Promise<UptimeReport> {
    const range = resolveRange(query, now);
    const system = await this.repo.systemByCode(code);
    if (!system) throw new NotFoundException(`system ${code} not found`);
    const [timeline] = await this.timelines(range, [system]);
    return report(range, timeline, now);
  }

  /** The agency roll-up (rollupAgencyStatus) over its enabled systems' merged timelines. */
  async agency(code: string, query: UptimeQuery, now = Date.now()): Promise<UptimeReport> {
    const range = resolveRange(query, now);
    const systems = await this.repo.agencySystems(code);
    if (!systems) throw new NotFoundException(`agency ${code} not found`);
    const timeline = mergeTimelines(await this.timelines(range, systems), (statuses) =>
      rollupAgencyStatus(statuses.map((status, i) => ({ status, tier: systems[i].tier }))),
    );
    return report(range, timeline, now);
  }

  /**
   * Each system's uptime over [from, to) in one read (the scorer's 28-day reliability); what
   * lies after `now` is no data.
   */
  async totals(systemIds: readonly number[], from: number, to: number, now = Date.now()): Promise<Map<number, UptimeEntry>> {
    const byId = await this.repo.statusTimelines(systemIds, new Date(from), new Date(to));
    const out = new Map<number, UptimeEntry>();
    for (const id of systemIds) out.set(id, summarize(observedUntil(byId.get(id) ?? [], now), from, to, false).total);
    return out;
  }

  private async timelines(range: ResolvedRange, systems: readonly UptimeSystem[]): Promise<StatusTimeline[]> {
    const byId = await this.repo.statusTimelines(
      systems.map((s) => s.id),
      new Date(range.from),
      new Date(range.to),
    );
    return systems.map((s) => byId.get(s.id) ?? []);
  }
}

/** Integrates the timeline over the range; what lies after `now` is no data. */
function report(range: ResolvedRange, timeline: StatusTimeline, now: number): UptimeReport {
  const summary = summarize(observedUntil(timeline, now), range.from, range.to, range.granularity === 'day');
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    granularity: range.granularity,
    resolution: 'exact',
    days: summary.days,
    total: summary.total,
  };
}
