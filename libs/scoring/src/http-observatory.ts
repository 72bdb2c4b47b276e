import type { HttpEvidence } from './scoring-evidence';
import type { Finding } from './system-score';
import { COMPONENT_POINTS } from './system-score';
import { clamp, distributePoints, roundPoints } from './points';
import {
  HSTS_SIX_MONTHS,
  contentTypeOptionsTest,
  cookiesTest,
  cspTest,
  frameOptionsTest,
  hstsMaxAge,
  hstsTest,
  readHeader,
  redirectionTest,
  referrerPolicyTest,
  resourcePolicyTest,
  type ObservatoryResult,
} from './observatory-tests';

export interface HttpHygieneRating {
  /** The Observatory's score: 100 plus modifiers, at least 0 (over 100 with bonuses). */
  score: number;
  /** The Observatory's letter (A+ .. F). */
  grade: string;
  /** HTTP component points of 15: 15 × min(score, 100) / 100. */
  points: number;
  /** Every test's outcome, passed ones too, for the explanation. */
  tests: ObservatoryResult[];
  /** One finding per test with a negative modifier; the points lost are shared in proportion to the modifiers. */
  findings: Finding[];
}

/** The Observatory's grading chart. */
export function observatoryGrade(score: number): string {
  const chart: [number, string][] = [
    [100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'], [60, 'C+'],
    [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-'],
  ];
  return chart.find(([min]) => score >= min)?.[1] ?? 'F';
}

/** The Observatory's tests that can be run on one response's headers (SRI and CORS files need the body: not run). */
export function observatoryTests(http: HttpEvidence): ObservatoryResult[] {
  const hsts = hstsTest(http);
  const hstsProtected = http.https && (hstsMaxAge(readHeader(http, 'strict-transport-security')) ?? 0) >= HSTS_SIX_MONTHS;
  return [
    cspTest(http),
    cookiesTest(http, hstsProtected),
    hsts,
    redirectionTest(http),
    referrerPolicyTest(http),
    contentTypeOptionsTest(http),
    frameOptionsTest(http),
    resourcePolicyTest(http),
  ];
}

/**
 * HTTP hygiene by the MDN HTTP Observatory's scoring: start at 100, add each test's modifier;
 * bonuses count only when the score without them is at least 90; the score never goes below 0.
 */
export function rateHttpHygiene(http: HttpEvidence): HttpHygieneRating {
  const tests = observatoryTests(http);
  const penalties = tests.filter((t) => t.modifier < 0);
  const withoutBonuses = 100 + penalties.reduce((sum, t) => sum + t.modifier, 0);
  const bonuses = withoutBonuses >= 90 ? tests.filter((t) => t.modifier > 0).reduce((sum, t) => sum + t.modifier, 0) : 0;
  const score = Math.max(0, withoutBonuses + bonuses);
  const max = COMPONENT_POINTS.http;
  const points = roundPoints((max * clamp(score, 0, 100)) / 100);
  const shares = distributePoints(max - points, penalties.map((t) => -t.modifier));
  const findings: Finding[] = penalties.map((t, i) => ({
    rule: `http.${t.result}`,
    component: 'http',
    pointsLost: shares[i],
    reason: `${t.reason} (Observatory ${t.result}, ${t.modifier})`,
    fix: t.fix,
    evidence: { checkId: http.checkId, region: http.region, observedAt: http.observedAt, fact: `${http.url}: ${t.fact}` },
    source: t.source,
  }));
  return { score, grade: observatoryGrade(score), points, tests, findings };
}
