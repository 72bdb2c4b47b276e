import { localDateTimeToUtc, parseRecurrenceRule, utcToLocalDateTime, WEEKDAYS } from '@kuzet/contracts';
import type { RecurrenceRule } from '@kuzet/contracts';

/** A maintenance window as the detector needs it. */
export interface MaintenanceWindowInfo {
  code: string;
  systemIds: number[];
  timezone: string;
  /** One-off window (ms); null for recurring ones. */
  startsAt: number | null;
  endsAt: number | null;
  /** Recurring window: RRULE text, local start 'HH:MM', duration. */
  recurrence: string | null;
  startTime: string | null;
  durationMs: number | null;
}

const DAY_MS = 86_400_000;

/**
 * Whether a window covers the instant `at`. One-off: [startsAt, endsAt). Recurring: an
 * occurrence starts at `startTime` local time (in the window's zone) on each local date the rule
 * matches, and lasts `durationMs`; the dates that can cover `at` are those from (at - duration)
 * to at. Supported rule parts: FREQ DAILY/WEEKLY/MONTHLY/YEARLY with BYDAY (plain weekdays; an
 * ordinal BYDAY such as -1SU is matched on its weekday and position in the month), BYMONTHDAY,
 * BYMONTH, UNTIL. INTERVAL > 1 and COUNT need an anchor date the catalog does not have: such
 * rules are treated as INTERVAL 1 without COUNT (a window more, never one less).
 */
export function maintenanceActiveAt(w: MaintenanceWindowInfo, at: number): boolean {
  if (w.startsAt !== null && w.endsAt !== null) return at >= w.startsAt && at < w.endsAt;
  if (!w.recurrence || !w.startTime || !w.durationMs) return false;
  const parsed = parseRecurrenceRule(w.recurrence);
  if (!parsed.ok) return false;
  const rule = parsed.rule;
  const days = Math.ceil(w.durationMs / DAY_MS) + 1;
  for (let back = 0; back <= days; back++) {
    const date = utcToLocalDateTime(new Date(at - back * DAY_MS), w.timezone).slice(0, 10);
    if (!dateMatches(rule, date)) continue;
    const start = localDateTimeToUtc(`${date}T${w.startTime}:00`, w.timezone);
    if (!start.ok) continue;
    const s = start.utc.getTime();
    if (rule.until !== undefined && s > untilMs(rule.until)) continue;
    if (at >= s && at < s + w.durationMs) return true;
  }
  return false;
}

function untilMs(until: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(until);
  if (!m) return Number.POSITIVE_INFINITY;
  const [, y, mo, d, h, mi, se] = m;
  if (h === undefined) return Date.UTC(+y, +mo - 1, +d, 23, 59, 59);
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +se);
}

/** Whether the local date 'YYYY-MM-DD' is one of the rule's dates (INTERVAL/COUNT ignored). */
export function dateMatches(rule: RecurrenceRule, date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(y, m - 1, d));
  const weekday = WEEKDAYS[(utc.getUTCDay() + 6) % 7];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (rule.byMonth.length > 0 && !rule.byMonth.includes(m)) return false;
  if (
    rule.byMonthDay.length > 0 &&
    !rule.byMonthDay.some((md) => (md > 0 ? md === d : daysInMonth + md + 1 === d))
  )
    return false;
  if (rule.byDay.length > 0) {
    const nth = Math.ceil(d / 7);
    const nthFromEnd = -Math.ceil((daysInMonth - d + 1) / 7);
    return rule.byDay.some(
      (b) => b.day === weekday && (b.ordinal === 0 || b.ordinal === nth || b.ordinal === nthFromEnd),
    );
  }
  if (rule.byMonthDay.length > 0 || rule.byMonth.length > 0) return true;
  // No BY* part: the frequency alone. Without an anchor, WEEKLY/MONTHLY/YEARLY cannot be placed.
  return rule.freq === 'DAILY';
}
