import { Frequency, RRule, Weekday as RRuleWeekday } from 'rrule';
import type { Options } from 'rrule';
import { localDateTimeToUtc, utcToLocalDateTime } from '../time/zoned-time';
import type { RecurrenceFrequency, RecurrenceRule, Weekday } from './recurrence';

// Occurrences of a recurring window, computed by `rrule` in "floating" local time: a wall-clock
// time in the window's zone is written as the UTC instant with the same digits, so rrule never
// sees a DST change, and each occurrence is then placed in the zone with zoned-time.

const DAY_MS = 86_400_000;
// Day 4 of the epoch (1970-01-05) is a Monday, the week start (WKST=MO).
const FIRST_MONDAY_DAY = 4;
// Any date works as the start of a rule that does not depend on it; a fixed one keeps it stable.
const FREE_ANCHOR = '2000-01-03';

const FREQUENCIES: Record<RecurrenceFrequency, Frequency> = {
  DAILY: Frequency.DAILY,
  WEEKLY: Frequency.WEEKLY,
  MONTHLY: Frequency.MONTHLY,
  YEARLY: Frequency.YEARLY,
};
const RRULE_DAYS: Record<Weekday, RRuleWeekday> = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};

const floatingDate = (date: string, hour = 0, minute = 0, second = 0): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d, hour, minute, second);
};

/** The wall clock in `zone` at an instant, as floating ms. */
function toFloating(instant: number, zone: string): number {
  return Date.parse(`${utcToLocalDateTime(new Date(instant), zone)}Z`) + (((instant % 1000) + 1000) % 1000);
}

/**
 * The instant a floating wall-clock time happens in `zone`. A time that occurs twice (clocks go
 * back) is the earlier instant; one skipped by a forward change takes the offset from before the
 * change, as RFC 5545 says (02:30 on the spring-forward day in Berlin is 03:30 summer time).
 */
function fromFloating(floating: number, zone: string): number {
  const local = new Date(floating).toISOString().slice(0, 19);
  const r = localDateTimeToUtc(local, zone);
  if (r.ok) return r.utc.getTime();
  const before = floating - DAY_MS;
  const offsetBefore = toFloating(before, zone) - before;
  return floating - offsetBefore;
}

/** The period a floating time falls in, numbered from the epoch, per frequency. */
function periodIndex(freq: RecurrenceFrequency, floating: number): number {
  const day = Math.floor(floating / DAY_MS);
  const date = new Date(floating);
  switch (freq) {
    case 'DAILY':
      return day;
    case 'WEEKLY':
      return Math.floor((day - FIRST_MONDAY_DAY) / 7);
    case 'MONTHLY':
      return date.getUTCFullYear() * 12 + date.getUTCMonth();
    case 'YEARLY':
      return date.getUTCFullYear();
  }
}

function periodStart(freq: RecurrenceFrequency, index: number): number {
  switch (freq) {
    case 'DAILY':
      return index * DAY_MS;
    case 'WEEKLY':
      return (index * 7 + FIRST_MONDAY_DAY) * DAY_MS;
    case 'MONTHLY':
      return Date.UTC(Math.floor(index / 12), index % 12, 1);
    case 'YEARLY':
      return Date.UTC(index, 0, 1);
  }
}

/**
 * rrule options for a rule whose first occurrence is on `anchor` at `hour:minute` floating time.
 * The parts RFC 5545 would take from DTSTART (the weekday of a plain WEEKLY, the day of a plain
 * MONTHLY or YEARLY) are written out, so the rule can later start from any period in its phase.
 */
function rruleOptions(
  rule: RecurrenceRule,
  anchor: number,
  hour: number,
  minute: number,
  zone: string,
): Partial<Options> {
  const start = new Date(anchor);
  const dayGiven = rule.byDay.length > 0 || rule.byMonthDay.length > 0;
  const byMonth = rule.byMonth.length > 0 ? rule.byMonth : null;
  const options: Partial<Options> = {
    freq: FREQUENCIES[rule.freq],
    interval: rule.interval,
    dtstart: start,
    wkst: RRule.MO,
    byhour: [hour],
    byminute: [minute],
    bysecond: [0],
    byweekday:
      rule.byDay.length > 0
        ? rule.byDay.map((d) => (d.ordinal ? RRULE_DAYS[d.day].nth(d.ordinal) : RRULE_DAYS[d.day]))
        : null,
    bymonthday: rule.byMonthDay.length > 0 ? rule.byMonthDay : null,
    bymonth: byMonth,
    count: rule.count ?? null,
    until: rule.until === undefined ? null : new Date(untilFloating(rule.until, zone)),
  };
  if (!dayGiven && rule.freq === 'WEEKLY') options.byweekday = [(start.getUTCDay() + 6) % 7];
  if (!dayGiven && (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY'))
    options.bymonthday = [start.getUTCDate()];
  if (!dayGiven && rule.freq === 'YEARLY' && byMonth === null) options.bymonth = [start.getUTCMonth() + 1];
  return options;
}

/** UNTIL in floating time: a date means the whole local day, a 'Z' time is converted to the zone. */
function untilFloating(until: string, zone: string): number {
  const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
  if (until.length === 8) return floatingDate(date, 23, 59, 59);
  const local = floatingDate(date, +until.slice(9, 11), +until.slice(11, 13), +until.slice(13, 15));
  return until.endsWith('Z') ? toFloating(local, zone) : local;
}

/**
 * The local date of the rule's first occurrence, or null when it never occurs (only the BY parts
 * and the phase from DTSTART are considered; COUNT and UNTIL end a rule, they cannot empty it).
 */
export function firstOccurrenceDay(rule: RecurrenceRule): string | null {
  const anchor = floatingDate(rule.dtstart ?? FREE_ANCHOR);
  const unbounded = { ...rule, count: undefined, until: undefined };
  const first = new RRule(rruleOptions(unbounded, anchor, 0, 0, 'UTC')).after(new Date(anchor), true);
  return first ? first.toISOString().slice(0, 10) : null;
}

/** The start instants of a recurring window's occurrences; build once per window and reuse. */
export class RecurrenceSchedule {
  private readonly anchor: number;
  private readonly hour: number;
  private readonly minute: number;
  private finite: number[] | undefined;

  /** `rule` as parsed by parseRecurrenceRule, `startTime` 'HH:MM' local, `zone` an IANA zone. */
  constructor(
    private readonly rule: RecurrenceRule,
    startTime: string,
    private readonly zone: string,
  ) {
    [this.hour, this.minute] = startTime.split(':').map(Number);
    this.anchor = floatingDate(rule.dtstart ?? FREE_ANCHOR, this.hour, this.minute);
  }

  /** Instants (ms, ascending) at which an occurrence starts, from `fromMs` to `toMs` inclusive. */
  startsBetween(fromMs: number, toMs: number): number[] {
    // A day either side covers any difference between the zone's offsets at the two ends.
    const from = toFloating(fromMs, this.zone) - DAY_MS;
    const to = toFloating(toMs, this.zone) + DAY_MS;
    return this.floatingStartsBetween(from, to)
      .map((f) => fromFloating(f, this.zone))
      .filter((t) => t >= fromMs && t <= toMs);
  }

  private floatingStartsBetween(from: number, to: number): number[] {
    if (this.rule.count !== undefined) {
      // COUNT is counted from DTSTART, so the (bounded) list is computed once.
      this.finite ??= this.ruleFrom(this.anchor)
        .all()
        .map((d) => d.getTime());
      return this.finite.filter((f) => f >= from && f <= to);
    }
    return this.ruleFrom(this.startNear(from))
      .between(new Date(from), new Date(to), true)
      .map((d) => d.getTime());
  }

  /**
   * A start for rrule at the latest period at or before `floating` that is in phase with the rule
   * (a multiple of INTERVAL periods after DTSTART's), so rrule does not walk from DTSTART.
   */
  private startNear(floating: number): number {
    const freq = this.rule.freq;
    const first = periodIndex(freq, this.anchor);
    const at = periodIndex(freq, floating);
    const steps = Math.floor((at - first) / this.rule.interval);
    if (steps <= 0) return this.anchor;
    return periodStart(freq, first + steps * this.rule.interval);
  }

  private ruleFrom(start: number): RRule {
    const options = rruleOptions(this.rule, this.anchor, this.hour, this.minute, this.zone);
    return new RRule({ ...options, dtstart: new Date(start) });
  }
}
