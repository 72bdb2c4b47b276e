import { firstOccurrenceDay } from './recurrence-schedule';

// The subset of RFC 5545 RRULE that recurring maintenance windows accept. Occurrences are computed
// by the `rrule` package (recurrence-schedule.ts); this file only reads and checks the text, so a
// rule is refused with a clear message instead of being half-supported. Times of day come from
// the window's start_time, so BYHOUR, BYMINUTE and BYSECOND are refused; DTSTART is a local date.

export { RecurrenceSchedule } from './recurrence-schedule';

export const RECURRENCE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const MAX_RECURRENCE_COUNT = 10_000;

export interface RecurrenceRule {
  freq: RecurrenceFrequency;
  interval: number;
  /** BYDAY entries, e.g. { ordinal: -1, day: 'SU' } for "last Sunday"; ordinal 0 means every. */
  byDay: { ordinal: number; day: Weekday }[];
  byMonthDay: number[];
  byMonth: number[];
  count?: number;
  /** UNTIL as written: a local date 'YYYYMMDD', local 'YYYYMMDDTHHMMSS' or UTC 'YYYYMMDDTHHMMSSZ'. */
  until?: string;
  /** DTSTART: the local date 'YYYY-MM-DD' of the first occurrence, when given. */
  dtstart?: string;
}

export type RecurrenceParseResult = { ok: true; rule: RecurrenceRule } | { ok: false; message: string };
type Step = { ok: true } | { ok: false; message: string };

const OK: Step = { ok: true };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

const ints = (v: string, min: number, max: number): number[] | undefined => {
  const out = v.split(',').map((x) => (/^[+-]?\d+$/.test(x) ? Number(x) : NaN));
  return out.every((n) => Number.isInteger(n) && n >= min && n <= max && n !== 0) ? out : undefined;
};

const isCalendarDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const UNTIL = /^(\d{4})(\d{2})(\d{2})(?:T([01]\d|2[0-3])([0-5]\d)([0-5]\d)Z?)?$/;
const DTSTART = /^DTSTART(;VALUE=DATE)?:(\d{4})(\d{2})(\d{2})$/;

/**
 * Reads a rule: 'FREQ=...;...', optionally prefixed by 'RRULE:' and preceded by a line (or a
 * space-separated part) 'DTSTART:YYYYMMDD'. Refuses rules that need DTSTART and lack it, and
 * rules that can never occur.
 */
export function parseRecurrenceRule(text: string): RecurrenceParseResult {
  let dtstart: string | undefined;
  let body: string | undefined;
  for (const line of text.trim().split(/\s+/).filter(Boolean)) {
    const upper = line.toUpperCase();
    if (upper.startsWith('DTSTART')) {
      if (dtstart !== undefined) return fail('DTSTART given twice');
      const parsed = parseDtstart(upper);
      if (!parsed.ok) return parsed;
      dtstart = parsed.date;
    } else {
      if (body !== undefined) return fail(`unexpected "${line}" (one RRULE and an optional DTSTART)`);
      body = line.replace(/^RRULE:/i, '');
    }
  }
  const parsed = parseRuleBody(body ?? '');
  if (!parsed.ok) return parsed;
  const rule = parsed.rule;
  if (dtstart !== undefined) rule.dtstart = dtstart;
  for (const check of [checkCombinations, checkAnchor, checkUntilAfterStart]) {
    const r = check(rule);
    if (!r.ok) return r;
  }
  if (firstOccurrenceDay(rule) === null) return fail('the rule never occurs (check its BY parts)');
  return { ok: true, rule };
}

function parseDtstart(line: string): { ok: true; date: string } | { ok: false; message: string } {
  if (/^DTSTART;TZID=/.test(line))
    return fail("DTSTART takes no TZID: the window's timezone field gives the zone");
  if (/^DTSTART(;VALUE=DATE)?:\d{8}T/.test(line)) {
    return fail('DTSTART is a local date YYYYMMDD; the time of day is the start_time field');
  }
  const m = DTSTART.exec(line);
  if (!m || !isCalendarDate(+m[2], +m[3], +m[4]))
    return fail('DTSTART must be a local date such as DTSTART:20260104');
  return { ok: true, date: `${m[2]}-${m[3]}-${m[4]}` };
}

function parseRuleBody(body: string): RecurrenceParseResult {
  const parts = new Map<string, string>();
  for (const part of body.split(';').filter(Boolean)) {
    const [key, value, extra] = part.split('=');
    if (value === undefined || extra !== undefined || value === '') return fail(`malformed part "${part}"`);
    const k = key.toUpperCase();
    if (parts.has(k)) return fail(`${k} given twice`);
    parts.set(k, value.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (!freq) return fail('FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)');
  if (!(RECURRENCE_FREQUENCIES as readonly string[]).includes(freq)) {
    return fail(`FREQ=${freq} is not supported (DAILY, WEEKLY, MONTHLY or YEARLY)`);
  }
  const rule: RecurrenceRule = {
    freq: freq as RecurrenceFrequency,
    interval: 1,
    byDay: [],
    byMonthDay: [],
    byMonth: [],
  };
  for (const [key, value] of parts) {
    const r = readPart(rule, key, value);
    if (!r.ok) return r;
  }
  return { ok: true, rule };
}

function readPart(rule: RecurrenceRule, key: string, value: string): Step {
  switch (key) {
    case 'FREQ':
      return OK;
    case 'INTERVAL': {
      const n = ints(value, 1, 1000);
      if (!n || n.length !== 1) return fail('INTERVAL must be a whole number from 1 to 1000');
      rule.interval = n[0];
      return OK;
    }
    case 'COUNT': {
      const n = ints(value, 1, MAX_RECURRENCE_COUNT);
      if (!n || n.length !== 1) return fail(`COUNT must be a whole number from 1 to ${MAX_RECURRENCE_COUNT}`);
      rule.count = n[0];
      return OK;
    }
    case 'UNTIL': {
      const m = UNTIL.exec(value);
      if (!m || !isCalendarDate(+m[1], +m[2], +m[3])) {
        return fail('UNTIL must be a date YYYYMMDD, a local YYYYMMDDTHHMMSS or a UTC YYYYMMDDTHHMMSSZ');
      }
      rule.until = value;
      return OK;
    }
    case 'BYDAY':
      for (const d of value.split(',')) {
        const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
        if (!m || Number(m[1]) === 0)
          return fail(`BYDAY entry "${d}" is not a weekday such as MO, SU or -1SU`);
        rule.byDay.push({ ordinal: m[1] ? Number(m[1]) : 0, day: m[2] as Weekday });
      }
      return OK;
    case 'BYMONTHDAY': {
      const n = ints(value, -31, 31);
      if (!n) return fail('BYMONTHDAY must list days from 1 to 31 (or -31 to -1)');
      rule.byMonthDay = n;
      return OK;
    }
    case 'BYMONTH': {
      const n = ints(value, 1, 12);
      if (!n) return fail('BYMONTH must list months from 1 to 12');
      rule.byMonth = n;
      return OK;
    }
    default:
      return fail(
        `${key} is not supported (use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH and a DTSTART date)`,
      );
  }
}

// Combinations that RFC 5545 forbids or that could leave a rule without occurrences for ever
// (which would make every lookup scan to the year 9999) are refused with the simpler spelling.
function checkCombinations(rule: RecurrenceRule): Step {
  if (rule.count !== undefined && rule.until !== undefined)
    return fail('COUNT and UNTIL cannot both be given');
  const maxOrdinal = rule.freq === 'MONTHLY' ? 5 : rule.freq === 'YEARLY' ? 53 : 0;
  const ordinal = rule.byDay.find((d) => Math.abs(d.ordinal) > maxOrdinal);
  if (ordinal) {
    return maxOrdinal === 0
      ? fail(`BYDAY with a position (${ordinal.ordinal}${ordinal.day}) needs FREQ=MONTHLY or YEARLY`)
      : fail(`BYDAY position ${ordinal.ordinal} is out of range for FREQ=${rule.freq} (1 to ${maxOrdinal})`);
  }
  if (rule.byMonthDay.length > 0 && (rule.freq === 'DAILY' || rule.freq === 'WEEKLY')) {
    return fail('BYMONTHDAY needs FREQ=MONTHLY or YEARLY');
  }
  if (rule.interval > 1 && rule.byMonth.length > 0 && rule.freq !== 'YEARLY') {
    return fail('BYMONTH with INTERVAL needs FREQ=YEARLY');
  }
  if (rule.interval > 1 && rule.freq === 'DAILY' && rule.byDay.length > 0) {
    return fail('BYDAY with INTERVAL needs FREQ=WEEKLY (e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU)');
  }
  return OK;
}

/** Whether the rule's dates depend on its first date (RFC 5545 takes missing parts from DTSTART). */
export function recurrenceNeedsStart(rule: RecurrenceRule): boolean {
  const dayGiven = rule.byDay.length > 0 || rule.byMonthDay.length > 0;
  return rule.interval > 1 || rule.count !== undefined || (rule.freq !== 'DAILY' && !dayGiven);
}

function checkAnchor(rule: RecurrenceRule): Step {
  if (rule.dtstart !== undefined || !recurrenceNeedsStart(rule)) return OK;
  const why =
    rule.interval > 1
      ? 'INTERVAL'
      : rule.count !== undefined
        ? 'COUNT'
        : `FREQ=${rule.freq} without ${rule.freq === 'WEEKLY' ? 'BYDAY' : 'BYDAY or BYMONTHDAY'}`;
  return fail(
    `${why} needs DTSTART, the local date of the first window, e.g. "DTSTART:20260104 RRULE:FREQ=WEEKLY"`,
  );
}

function checkUntilAfterStart(rule: RecurrenceRule): Step {
  // A UTC UNTIL can fall on the local date before DTSTART and still follow the first start.
  if (rule.dtstart === undefined || rule.until === undefined || rule.until.endsWith('Z')) return OK;
  const untilDate = `${rule.until.slice(0, 4)}-${rule.until.slice(4, 6)}-${rule.until.slice(6, 8)}`;
  return untilDate < rule.dtstart ? fail('UNTIL is before DTSTART') : OK;
}
