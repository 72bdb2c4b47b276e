import type { CapApplied, SslLabsGrade } from './system-score';

/** The caps on the whole score. */
export const CAP_LIMITS = {
  'cap.no_https': 40,
  'cap.invalid_certificate': 40,
  'cap.end_of_life': 70,
  'cap.availability': 60,
} as const satisfies Record<CapApplied['rule'], number>;

/** Availability over the window below this caps the score at 60. */
export const AVAILABILITY_CAP_THRESHOLD = 0.99;

/** What the caps are decided from: current facts only (a fading finding never caps). */
export interface CapFacts {
  /** No HTTPS endpoint seen and the system is served over plain http://. */
  noHttps: boolean;
  tlsGrade: SslLabsGrade | null;
  /** Names of end-of-life components seen ("PHP 5.6", ...). */
  endOfLife: string[];
  availability: number | null;
}

export function capsFor(facts: CapFacts): CapApplied[] {
  const caps: CapApplied[] = [];
  if (facts.noHttps) {
    caps.push({ rule: 'cap.no_https', limit: CAP_LIMITS['cap.no_https'], reason: 'the system is served over plain HTTP, without TLS' });
  }
  if (facts.tlsGrade === 'T' || facts.tlsGrade === 'M') {
    const why = facts.tlsGrade === 'T' ? 'not trusted (SSL Labs T)' : 'issued for another name (SSL Labs M)';
    caps.push({ rule: 'cap.invalid_certificate', limit: CAP_LIMITS['cap.invalid_certificate'], reason: `the certificate is ${why}` });
  }
  if (facts.endOfLife.length > 0) {
    caps.push({ rule: 'cap.end_of_life', limit: CAP_LIMITS['cap.end_of_life'], reason: `end-of-life software: ${facts.endOfLife.join(', ')}` });
  }
  if (facts.availability !== null && facts.availability < AVAILABILITY_CAP_THRESHOLD) {
    caps.push({
      rule: 'cap.availability',
      limit: CAP_LIMITS['cap.availability'],
      reason: `availability ${(facts.availability * 100).toFixed(2)}% is below 99%`,
    });
  }
  return caps;
}

/** The score after every cap. */
export function applyCaps(score: number, caps: readonly CapApplied[]): number {
  return caps.reduce((s, cap) => Math.min(s, cap.limit), score);
}
