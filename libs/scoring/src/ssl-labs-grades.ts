import type { SslLabsGrade } from './system-score';

/** SSL Labs letters from best to worst; T and M sit below F because no grade means anything without trust. */
const ORDER: readonly SslLabsGrade[] = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'M', 'T'];

/** TLS component points (of 20) each SSL Labs letter earns. */
export const TLS_POINTS_BY_GRADE: Readonly<Record<SslLabsGrade, number>> = {
  'A+': 20,
  A: 20,
  'A-': 18,
  B: 14,
  C: 10,
  D: 6,
  E: 3,
  F: 0,
  M: 0,
  T: 0,
};

export function sslLabsRank(grade: SslLabsGrade): number {
  return ORDER.indexOf(grade);
}

/** The worse of two letters. */
export function worseSslLabsGrade(a: SslLabsGrade, b: SslLabsGrade): SslLabsGrade {
  return sslLabsRank(a) >= sslLabsRank(b) ? a : b;
}

/** Table 1 of the rating guide: numeric score to letter. */
export function sslLabsLetter(score: number): SslLabsGrade {
  if (score >= 80) return 'A';
  if (score >= 65) return 'B';
  if (score >= 50) return 'C';
  if (score >= 35) return 'D';
  if (score >= 20) return 'E';
  return 'F';
}
