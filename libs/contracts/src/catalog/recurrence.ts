// A deliberately small subset of RFC 5545 RRULE for recurring maintenance windows. The start time
// and duration are separate fields, so rules that set times of day (BYHOUR, BYMINUTE, BYSECOND)
// or recur more often than daily are refused rather than half-supported.

export const RECURRENCE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface RecurrenceRule {
  freq: RecurrenceFrequency;
  interval: number;
  /** BYDAY entries, e.g. { ordinal: -1, day: 'SU' } for "last Sunday"; ordinal 0 means every. */
  byDay: { ordinal: number; day: Weekday }[];
  byMonthDay: number[];
  byMonth: number[];
  count?: number;
  /** UNTIL as written (a date 'YYYYMMDD' or date-time 'YYYYMMDDTHHMMSSZ'). */
  until?: string;
}

export type RecurrenceParseResult = { ok: true; rule: RecurrenceRule } | { ok: false; message: string };

const ints = (v: string, min: number, max: number): number[] | undefined => {
  const out = v.split(',').map((x) => (/^[+-]?\d+$/.test(x) ? Number(x) : NaN));
  return out.every((n) => Number.isInteger(n) && n >= min && n <= max && n !== 0) ? out : undefined;
};

export function parseRecurrenceRule(text: string): RecurrenceParseResult {
  const body = text.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of body.split(';').filter(Boolean)) {
    const [key, value, extra] = part.split('=');
    if (value === undefined || extra !== undefined || value === '')
      return { ok: false, message: `malformed part "${part}"` };
    const k = key.toUpperCase();
    if (parts.has(k)) return { ok: false, message: `${k} given twice` };
    parts.set(k, value.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (!freq) return { ok: false, message: 'FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)' };
  if (!(RECURRENCE_FREQUENCIES as readonly string[]).includes(freq)) {
    return { ok: false, message: `FREQ=${freq} is not supported (DAILY, WEEKLY, MONTHLY or YEARLY)` };
  }
  const rule: RecurrenceRule = {
    freq: freq as RecurrenceFrequency,
    interval: 1,
    byDay: [],
    byMonthDay: [],
    byMonth: [],
  };
  for (const [key, value] of parts) {
    switch (key) {
      case 'FREQ':
        break;
      case 'INTERVAL': {
        const n = ints(value, 1, 1000);
        if (!n || n.length !== 1) return { ok: false, message: 'INTERVAL must be a whole number from 1' };
        rule.interval = n[0];
        break;
      }
      case 'COUNT': {
        const n = ints(value, 1, 100000);
        if (!n || n.length !== 1) return { ok: false, message: 'COUNT must be a whole number from 1' };
        rule.count = n[0];
        break;
      }
      case 'UNTIL':
        if (!/^\d{8}(T\d{6}Z?)?$/.test(value))
          return { ok: false, message: 'UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSSZ' };
        rule.until = value;
        break;
      case 'BYDAY':
        for (const d of value.split(',')) {
          const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
          if (!m) return { ok: false, message: `BYDAY entry "${d}" is not a weekday such as MO, SU or -1SU` };
          rule.byDay.push({ ordinal: m[1] ? Number(m[1]) : 0, day: m[2] as Weekday });
        }
        break;
      case 'BYMONTHDAY': {
        const n = ints(value, -31, 31);
        if (!n) return { ok: false, message: 'BYMONTHDAY must list days from 1 to 31 (or -31 to -1)' };
        rule.byMonthDay = n;
        break;
      }
      case 'BYMONTH': {
        const n = ints(value, 1, 12);
        if (!n) return { ok: false, message: 'BYMONTH must list months from 1 to 12' };
        rule.byMonth = n;
        break;
      }
      default:
        return {
          ok: false,
          message: `${key} is not supported (use FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH)`,
        };
    }
  }
  if (rule.count !== undefined && rule.until !== undefined)
    return { ok: false, message: 'COUNT and UNTIL cannot both be given' };
  return { ok: true, rule };
}
