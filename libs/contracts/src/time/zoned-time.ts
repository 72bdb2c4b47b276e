// Local wall-clock times in an IANA time zone <-> UTC instants, using only Intl (present in
// browsers and Node with full ICU), so maintenance windows written in Asia/Almaty time are stored
// as exact instants without a time zone library.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(epochMs: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

const asUtcMs = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Parses 'YYYY-MM-DDTHH:MM[:SS]' (no offset); undefined when malformed or not a calendar date. */
export function parseLocalDateTime(text: string): WallClock | undefined {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return undefined;
  const w = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: m[6] ? +m[6] : 0 };
  const back = new Date(asUtcMs(w));
  if (
    w.hour > 23 ||
    w.minute > 59 ||
    w.second > 59 ||
    back.getUTCFullYear() !== w.year ||
    back.getUTCMonth() + 1 !== w.month ||
    back.getUTCDate() !== w.day
  ) {
    return undefined;
  }
  return w;
}

export type LocalToUtcResult =
  { ok: true; utc: Date } | { ok: false; reason: 'malformed' | 'unknown_zone' | 'nonexistent' };

/**
 * The instant at which the wall clock in `zone` shows `local`. In a backward DST shift (the time
 * occurs twice) the earlier instant is chosen; a time skipped by a forward shift is 'nonexistent'.
 */
export function localDateTimeToUtc(local: string, zone: string): LocalToUtcResult {
  const w = parseLocalDateTime(local);
  if (!w) return { ok: false, reason: 'malformed' };
  if (!isValidTimeZone(zone)) return { ok: false, reason: 'unknown_zone' };
  const guess = asUtcMs(w);
  const offsetAt = (ms: number) => asUtcMs(wallClock(ms, zone)) - Math.floor(ms / 1000) * 1000;
  // Offsets a day either side bracket any single DST transition around the time asked for.
  const candidates = [
    guess - offsetAt(guess - 86_400_000),
    guess - offsetAt(guess),
    guess - offsetAt(guess + 86_400_000),
  ];
  const valid = candidates.filter((ms) => asUtcMs(wallClock(ms, zone)) === guess).sort((a, b) => a - b);
  return valid.length ? { ok: true, utc: new Date(valid[0]) } : { ok: false, reason: 'nonexistent' };
}

/** The wall clock in `zone` at an instant, as 'YYYY-MM-DDTHH:MM:SS'. */
export function utcToLocalDateTime(instant: Date, zone: string): string {
  const w = wallClock(instant.getTime(), zone);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}
