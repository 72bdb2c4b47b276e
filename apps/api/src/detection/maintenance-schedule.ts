import { parseRecurrenceRule, RecurrenceSchedule } from '@kuzet/contracts';

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
// How far ahead the occurrences of a window are computed at once.
const AHEAD_MS = 7 * DAY_MS;
const MAX_CACHED_WINDOWS = 1000;

/** A recurring window's schedule and the occurrence starts already computed around a time. */
interface CompiledWindow {
  schedule: RecurrenceSchedule;
  durationMs: number;
  /** Answers are exact for instants in [validFrom, validTo]. */
  validFrom: number;
  validTo: number;
  starts: number[];
}

// Keyed by what defines the occurrences, so the windows the repositories rebuild on each load
// share one schedule; null marks a rule that does not parse (catalog validation refuses those).
const compiled = new Map<string, CompiledWindow | null>();

function compile(w: MaintenanceWindowInfo & { recurrence: string; startTime: string; durationMs: number }) {
  const key = `${w.timezone}|${w.startTime}|${w.durationMs}|${w.recurrence}`;
  let c = compiled.get(key);
  if (c !== undefined) return c;
  const parsed = parseRecurrenceRule(w.recurrence);
  c = parsed.ok
    ? {
        schedule: new RecurrenceSchedule(parsed.rule, w.startTime, w.timezone),
        durationMs: w.durationMs,
        validFrom: 0,
        validTo: -1,
        starts: [],
      }
    : null;
  if (compiled.size >= MAX_CACHED_WINDOWS) compiled.clear();
  compiled.set(key, c);
  return c;
}

/**
 * Whether a window covers the instant `at`. One-off: [startsAt, endsAt). Recurring: each
 * occurrence of the rule starts at `startTime` local time in the window's zone and lasts
 * `durationMs` (elapsed time, also across a DST change). Occurrences are computed a week at a
 * time and kept, so the detector's call per result is a short array scan.
 */
export function maintenanceActiveAt(w: MaintenanceWindowInfo, at: number): boolean {
  if (w.startsAt !== null && w.endsAt !== null) return at >= w.startsAt && at < w.endsAt;
  const { recurrence, startTime, durationMs } = w;
  if (!recurrence || !startTime || !durationMs) return false;
  const c = compile({ ...w, recurrence, startTime, durationMs });
  if (!c) return false;
  if (at < c.validFrom || at > c.validTo) {
    // Every occurrence that can cover an instant in [at - 1 day, at + AHEAD] starts in this range.
    c.validFrom = at - DAY_MS;
    c.validTo = at + AHEAD_MS;
    c.starts = c.schedule.startsBetween(c.validFrom - c.durationMs, c.validTo);
  }
  // The latest start at or before `at` ends last, as every occurrence lasts as long.
  let latest: number | undefined;
  for (const s of c.starts) {
    if (s > at) break;
    latest = s;
  }
  return latest !== undefined && at < latest + c.durationMs;
}
