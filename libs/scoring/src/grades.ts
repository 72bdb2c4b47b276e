import type { Grade } from './system-score';

/** The letters for the 0..100 debt score: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, otherwise F. */
export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}
