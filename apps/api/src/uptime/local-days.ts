import { localDateTimeToUtc, utcToLocalDateTime } from '@kuzet/contracts';

/** One local calendar day, or the part of it inside a range: [start, end) in epoch ms. */
export interface LocalDay {
  date: string;
  start: number;
  end: number;
}

/** 'YYYY-MM-DD' of the day after `date` (calendar arithmetic, no zone involved). */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The instant the local day `date` begins in `zone` (01:00 when a DST shift skips midnight). */
function startOfLocalDay(date: string, zone: string): number {
  for (const time of ['00:00', '01:00']) {
    const r = localDateTimeToUtc(`${date}T${time}`, zone);
    if (r.ok) return r.utc.getTime();
  }
  throw new Error(`no start of day ${date} in ${zone}`);
}

/**
 * [from, to) split at local midnights in `zone`: the first and last day may be partial.
 * Offsets come from the zone database, so a zone that changed its offset (Asia/Almaty went
 * from UTC+6 to UTC+5 in 2024) is split at the midnights it really had.
 */
export function localDays(from: number, to: number, zone: string): LocalDay[] {
  const days: LocalDay[] = [];
  let start = from;
  while (start < to) {
    const date = utcToLocalDateTime(new Date(start), zone).slice(0, 10);
    const next = startOfLocalDay(nextDate(date), zone);
    if (next <= start) throw new Error(`day ${date} in ${zone} does not advance`);
    const end = Math.min(to, next);
    days.push({ date, start, end });
    start = end;
  }
  return days;
}
