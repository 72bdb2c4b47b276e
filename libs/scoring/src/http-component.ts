import type { HttpEvidence } from './scoring-evidence';
import type { Finding } from './system-score';
import { COMPONENT_POINTS } from './system-score';
import { KUZET_RULES } from './rule-sources';
import { hstsMaxAge, readHeader } from './observatory-tests';
import { rateHttpHygiene, type HttpHygieneRating } from './http-observatory';

export interface HttpComponentResult {
  findings: Finding[];
  observatory: HttpHygieneRating | null;
}

/** HTTP hygiene (15 points) from the worst response's Observatory score; no response seen loses all 15. */
export function httpComponent(http: readonly HttpEvidence[]): HttpComponentResult {
  if (http.length === 0) {
    return {
      observatory: null,
      findings: [
        {
          rule: 'http.not_observed',
          component: 'http',
          pointsLost: COMPONENT_POINTS.http,
          reason: 'no HTTP response of this system was observed, so its headers cannot be judged',
          fix: 'Add an http check for the system’s public URL.',
          evidence: { fact: 'no HTTP evidence' },
          source: KUZET_RULES.missingEvidence,
        },
      ],
    };
  }
  const worst = http.map(rateHttpHygiene).reduce((w, r) => (r.score < w.score ? r : w));
  return { observatory: worst, findings: worst.findings };
}

/** The HSTS max-age every HTTPS response sends (the smallest; null when one sends none), for SSL Labs A+. */
export function systemHstsMaxAge(http: readonly HttpEvidence[]): number | null {
  const secure = http.filter((h) => h.https);
  if (secure.length === 0) return null;
  const ages = secure.map((h) => hstsMaxAge(readHeader(h, 'strict-transport-security')));
  return ages.some((a) => a === null) ? null : Math.min(...(ages as number[]));
}
