import { InvalidTimeRangeError } from './timeseries.errors';

export const ROLLUP_RESOLUTIONS = ['1m', '1h', '1d'] as const;
export type RollupResolution = (typeof ROLLUP_RESOLUTIONS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RollupSpec {
  resolution: RollupResolution;
  /** Relation name: a continuous aggregate (TimescaleDB) or a table (PostgreSQL). */
  relation: string;
  /** Bucket width as an SQL interval literal. */
  width: string;
  widthMs: number;
  /**
   * How far back late results still change this rollup: the refresh window start of the
   * continuous aggregate policy and, identically, the oldest bucket the plain job recomputes.
   */
  lookback: string;
  lookbackMs: number;
  /** Continuous aggregate policy: end_offset and schedule_interval (TimescaleDB). */
  caggEndOffset: string;
  caggSchedule: string;
  /** Plain job period (PostgreSQL). */
  plainJobEveryMs: number;
}

export const ROLLUP_SPECS: Readonly<Record<RollupResolution, RollupSpec>> = {
  '1m': {
    resolution: '1m',
    relation: 'check_rollup_1m',
    width: '1 minute',
    widthMs: MINUTE,
    lookback: '2 days',
    lookbackMs: 2 * DAY,
    caggEndOffset: '1 minute',
    caggSchedule: '1 minute',
    plainJobEveryMs: 30_000,
  },
  '1h': {
    resolution: '1h',
    relation: 'check_rollup_1h',
    width: '1 hour',
    widthMs: HOUR,
    lookback: '4 days',
    lookbackMs: 4 * DAY,
    caggEndOffset: '1 hour',
    caggSchedule: '10 minutes',
    plainJobEveryMs: 5 * MINUTE,
  },
  '1d': {
    resolution: '1d',
    relation: 'check_rollup_1d',
    width: '1 day',
    widthMs: DAY,
    lookback: '4 days',
    lookbackMs: 4 * DAY,
    caggEndOffset: '1 day',
    caggSchedule: '1 hour',
    plainJobEveryMs: 30 * MINUTE,
  },
};

/**
 * Buckets are aligned to UTC (origin 2000-01-03T00:00Z, TimescaleDB's default, which is a
 * whole number of days after the Unix epoch, so epoch alignment is the same thing).
 */
export function bucketStart(timeMs: number, resolution: RollupResolution): number {
  const width = ROLLUP_SPECS[resolution].widthMs;
  return Math.floor(timeMs / width) * width;
}

/** Up to this many points per series before the next coarser resolution is used. */
export const MAX_POINTS_PER_SERIES = 720;

export interface ResolutionChoiceOptions {
  /** With minuteRetentionDays: ranges starting before the 1m retention use 1h at least. */
  now?: Date;
  minuteRetentionDays?: number;
}

/**
 * The finest resolution that keeps a series at or under MAX_POINTS_PER_SERIES points:
 * up to 12 hours at 1m, up to 30 days at 1h, beyond at 1d.
 */
export function chooseResolution(
  from: Date,
  to: Date,
  options: ResolutionChoiceOptions = {},
): RollupResolution {
  const span = to.getTime() - from.getTime();
  if (!Number.isFinite(span) || span <= 0) {
    throw new InvalidTimeRangeError(`empty or invalid time range ${String(from)} .. ${String(to)}`);
  }
  let choice: RollupResolution = '1d';
  if (span <= MAX_POINTS_PER_SERIES * MINUTE) choice = '1m';
  else if (span <= MAX_POINTS_PER_SERIES * HOUR) choice = '1h';
  if (choice === '1m' && options.now && options.minuteRetentionDays !== undefined) {
    const oldestMinute = options.now.getTime() - options.minuteRetentionDays * DAY;
    if (from.getTime() < oldestMinute) choice = '1h';
  }
  return choice;
}
