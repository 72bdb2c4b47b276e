import { utcToLocalDateTime } from '@kuzet/contracts';

/** Scores are kept per calendar day of the country (Asia/Almaty), as uptime is. */
export const SCORE_TIMEZONE = 'Asia/Almaty';
const DAY_MS = 86_400_000;

/** The Asia/Almaty date of an instant, 'YYYY-MM-DD'. */
export function scoreDay(now: number): string {
  return utcToLocalDateTime(new Date(now), SCORE_TIMEZONE).slice(0, 10);
}

/** The date `days` days before `now`'s date (the first day of a trend of that many days). */
export function scoreDaysBefore(now: number, days: number): string {
  return scoreDay(now - days * DAY_MS);
}
