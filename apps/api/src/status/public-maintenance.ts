import { parseRecurrenceRule, RecurrenceSchedule, type PublicMaintenance } from '@kuzet/contracts';
import type { PublicWindowRow } from './public-status.repository';

/** Upcoming maintenance is shown this far ahead. */
export const MAINTENANCE_HORIZON_MS = 14 * 86_400_000;

/** The occurrence of a window in progress at `now`, else the next one starting within `horizonMs`. */
function occurrence(w: PublicWindowRow, now: number, horizonMs: number): { start: number; end: number } | null {
  if (w.startsAt !== null && w.endsAt !== null)
    return w.endsAt > now && w.startsAt <= now + horizonMs ? { start: w.startsAt, end: w.endsAt } : null;
  if (!w.recurrence || !w.startTime || !w.durationMs) return null;
  const parsed = parseRecurrenceRule(w.recurrence);
  if (!parsed.ok) return null;
  const schedule = new RecurrenceSchedule(parsed.rule, w.startTime, w.timezone);
  const start = schedule.startsBetween(now - w.durationMs, now + horizonMs).find((s) => s + w.durationMs! > now);
  return start === undefined ? null : { start, end: start + w.durationMs };
}

/** Active and upcoming windows, soonest first. */
export function publicMaintenance(
  windows: readonly PublicWindowRow[],
  now: number,
  horizonMs = MAINTENANCE_HORIZON_MS,
): PublicMaintenance[] {
  const out: (PublicMaintenance & { start: number })[] = [];
  for (const w of windows) {
    const o = occurrence(w, now, horizonMs);
    if (o)
      out.push({
        start: o.start,
        code: w.code,
        title: w.title,
        systems: w.systems,
        starts_at: new Date(o.start).toISOString(),
        ends_at: new Date(o.end).toISOString(),
      });
  }
  return out.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code)).map(({ start: _start, ...m }) => m);
}
