import type { ScoreGrade, ScoreTrendPoint } from '@kuzet/contracts/scoring/score-views';

/** Grades in words too (never a colour alone): the i18n key of each letter. */
export const GRADE_WORDS: Record<ScoreGrade, string> = {
  A: 'grade.A',
  B: 'grade.B',
  C: 'grade.C',
  D: 'grade.D',
  F: 'grade.F',
};

/** Scores keep one decimal on screen; whole numbers show without one. */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/**
 * SVG polyline points of a 0-100 trend in a width × height box (100 at the top). One point draws
 * a flat line across the box, so a single day still shows where the score stands.
 */
export function sparklinePoints(trend: readonly Pick<ScoreTrendPoint, 'score'>[], width: number, height: number): string {
  if (trend.length === 0) return '';
  const y = (score: number) => (height - (Math.max(0, Math.min(100, score)) / 100) * height).toFixed(1);
  if (trend.length === 1) return `0,${y(trend[0].score)} ${width},${y(trend[0].score)}`;
  const step = width / (trend.length - 1);
  return trend.map((p, i) => `${(i * step).toFixed(1)},${y(p.score)}`).join(' ');
}

/** The change over the trend, first to last day (0 for fewer than two days). */
export function trendChange(trend: readonly Pick<ScoreTrendPoint, 'score'>[]): number {
  return trend.length < 2 ? 0 : Math.round((trend[trend.length - 1].score - trend[0].score) * 10) / 10;
}
