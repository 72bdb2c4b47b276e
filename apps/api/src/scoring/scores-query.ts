import { ScoreQueryError } from './scoring.errors';

export interface ScoresQuery {
  trend_days?: string;
  top?: string;
  format?: string;
}

export interface ResolvedScoresQuery {
  trendDays: number;
  top: number;
  format: 'json' | 'csv';
}

export const DEFAULT_TREND_DAYS = 90;
export const MAX_TREND_DAYS = 400;
export const DEFAULT_TOP_FINDINGS = 3;
export const MAX_TOP_FINDINGS = 50;

function integer(field: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,6}$/.test(value)) throw new ScoreQueryError(field, `expected a whole number from ${min} to ${max}`);
  const n = Number(value);
  if (n < min || n > max) throw new ScoreQueryError(field, `expected a whole number from ${min} to ${max}`);
  return n;
}

/** Query -> options; 400 naming the field for anything invalid. */
export function resolveScoresQuery(query: ScoresQuery | undefined): ResolvedScoresQuery {
  const q = query ?? {};
  const format = q.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new ScoreQueryError('format', "expected 'json' or 'csv'");
  return {
    trendDays: integer('trend_days', q.trend_days, DEFAULT_TREND_DAYS, 1, MAX_TREND_DAYS),
    top: integer('top', q.top, DEFAULT_TOP_FINDINGS, 0, MAX_TOP_FINDINGS),
    format,
  };
}
