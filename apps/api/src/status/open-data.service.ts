import { BadRequestException, Injectable } from '@nestjs/common';
import { MAX_PUBLIC_DAYS, PublicReadService, addDays } from './public-read.service';
import type { AvailabilityRow } from './open-data';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_DAYS = 30;

function dateParam(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)
    throw new BadRequestException(`${field}: expected a date YYYY-MM-DD`);
  return value;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** Daily availability of every public system over Almaty days from..to (at most MAX_PUBLIC_DAYS). */
@Injectable()
export class OpenDataService {
  constructor(private readonly reads: PublicReadService) {}

  range(fromText?: string, toText?: string): { from: string; to: string } {
    const to = dateParam('to', toText) ?? this.reads.today();
    const from = dateParam('from', fromText) ?? addDays(to, -(DEFAULT_DAYS - 1));
    if (from > to) throw new BadRequestException('from: must not be after to');
    if (daysBetween(from, to) > MAX_PUBLIC_DAYS)
      throw new BadRequestException(`from: the range from..to exceeds ${MAX_PUBLIC_DAYS} days`);
    return { from, to };
  }

  async availability(from: string, to: string): Promise<AvailabilityRow[]> {
    const rows: AvailabilityRow[] = [];
    for (const system of await this.reads.systems()) {
      const uptime = await this.reads.uptimeBetween(system.code, from, to);
      for (const d of uptime.days)
        rows.push({ date: d.date, system: system.code, agency: system.agency, uptime: d.uptime, major_s: d.major_s, partial_s: d.partial_s, degraded_s: d.degraded_s });
    }
    return rows.sort((a, b) => a.date.localeCompare(b.date) || a.system.localeCompare(b.system));
  }
}
