import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  localDateTimeToUtc,
  utcToLocalDateTime,
  type PublicIncidentPage,
  type PublicIncidentView,
  type PublicSystem,
  type PublicUptime,
  type PublicUptimeDay,
  type PublicUptimeList,
} from '@kuzet/contracts';
import { UptimeService } from '../uptime/uptime.service';
import { UPTIME_TIMEZONE } from '../uptime/uptime-summary';
import { toPublicIncidentView } from './public-projections';
import { decodeCursor, encodeCursor } from './public-query';
import { PublicSnapshotService } from './public-snapshot.service';
import { PublicStatusRepository } from './public-status.repository';
import { StatusClock } from './status-clock';

export const MAX_PUBLIC_DAYS = 366;

const SECONDS_PER_MINUTE = 60;
/**
 * The all-systems uptime list is read once per this long, whatever the traffic: its days move
 * by the minute (today is partial), and the page's live status comes from the summary.
 */
export const UPTIME_LIST_MAX_AGE_MS = 30_000;

/** 'YYYY-MM-DD' plus n calendar days (no zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function startOfAlmatyDay(date: string): number {
  const r = localDateTimeToUtc(`${date}T00:00`, UPTIME_TIMEZONE);
  if (!r.ok) throw new BadRequestException(`date ${date}: no such day in ${UPTIME_TIMEZONE}`);
  return r.utc.getTime();
}

/** The public reads besides the summary: one system, its uptime, the incident history. */
@Injectable()
export class PublicReadService {
  constructor(
    private readonly snapshots: PublicSnapshotService,
    private readonly repo: PublicStatusRepository,
    private readonly uptimes: UptimeService,
    private readonly clock: StatusClock,
  ) {}

  private readonly uptimeLists = new Map<number, { at: number; list: Promise<PublicUptimeList> }>();

  async systems(): Promise<PublicSystem[]> {
    return (await this.snapshots.snapshot()).summary.systems;
  }

  /** A public system; 404 for unknown and non-public ones alike (a non-public code is not confirmed). */
  async system(code: string): Promise<PublicSystem> {
    const system = (await this.snapshots.snapshot()).systems.get(code);
    if (!system) throw new NotFoundException(`system ${code} not found`);
    return system;
  }

  /** Today's Almaty date. */
  today(): string {
    return utcToLocalDateTime(new Date(this.clock.now()), UPTIME_TIMEZONE).slice(0, 10);
  }

  /** The last `days` Almaty days up to now (today partial). */
  async uptime(code: string, days: number): Promise<PublicUptime> {
    const today = this.today();
    return this.uptimeBetween(code, addDays(today, -(days - 1)), today);
  }

  /** Counts the uptime lists' lifetimes: a page rendered in an earlier one shows older bars. */
  uptimeEpoch(): number {
    return Math.floor(this.clock.now() / UPTIME_LIST_MAX_AGE_MS);
  }

  /** Every public system's last `days` days, in catalog order; computed once per 30 s per `days`. */
  uptimeList(days: number): Promise<PublicUptimeList> {
    const now = this.clock.now();
    const cached = this.uptimeLists.get(days);
    if (cached && now - cached.at < UPTIME_LIST_MAX_AGE_MS) return cached.list;
    const list = this.systems().then(async (systems) => ({
      days,
      systems: await Promise.all(systems.map((s) => this.uptime(s.code, days))),
    }));
    this.uptimeLists.set(days, { at: now, list });
    // A failed read is not kept: the next request tries again.
    list.catch(() => this.uptimeLists.get(days)?.list === list && this.uptimeLists.delete(days));
    return list;
  }

  /** Almaty days `from`..`to` inclusive, cut at now. */
  async uptimeBetween(code: string, from: string, to: string): Promise<PublicUptime> {
    await this.system(code);
    const now = this.clock.now();
    const start = startOfAlmatyDay(from);
    const end = Math.min(now, startOfAlmatyDay(addDays(to, 1)));
    if (end <= start) return { system: code, days: [], uptime: null };
    const report = await this.uptimes.system(
      code,
      { from: new Date(start).toISOString(), to: new Date(end).toISOString(), granularity: 'day' },
      now,
    );
    return {
      system: code,
      days: report.days.map(
        (d): PublicUptimeDay => ({
          date: d.date,
          uptime: d.uptime,
          major_s: Math.round(d.minutes.major * SECONDS_PER_MINUTE),
          partial_s: Math.round(d.minutes.partial * SECONDS_PER_MINUTE),
          degraded_s: Math.round(d.minutes.degraded * SECONDS_PER_MINUTE),
        }),
      ),
      uptime: report.total.uptime,
    };
  }

  async incidents(limit: number, cursorText: string | undefined, system: string | undefined): Promise<PublicIncidentPage> {
    if (system !== undefined && system !== '') await this.system(system);
    const rows = await this.repo.incidentPage(limit + 1, decodeCursor(cursorText), system || null);
    const page = rows.slice(0, limit);
    const updates = await this.repo.updates(page.map((i) => i.id));
    const last = page[page.length - 1];
    return {
      items: page.map((i) => toPublicIncidentView(i, updates.get(i.id) ?? [])),
      next_cursor:
        rows.length > limit && last ? encodeCursor({ openedAt: last.openedAt.toISOString(), id: last.id }) : null,
    };
  }

  async incident(id: number): Promise<PublicIncidentView> {
    const row = await this.repo.incident(id);
    if (!row) throw new NotFoundException(`incident ${id} not found`);
    const updates = await this.repo.updates([id]);
    return toPublicIncidentView(row, updates.get(id) ?? []);
  }
}
