import type { Finding } from '@kuzet/scoring';

/** A fixed finding's cost fades out over this long (the 60 days). */
export const FADE_DAYS = 60;

/**
 * The findings to remember as present: one per rule (the costliest when several endpoints share
 * it). Reliability findings are left out: they already come from a sliding 28-day window, and
 * fading them as well would count an old outage twice.
 */
export function findingsToRemember(findings: readonly Finding[]): Finding[] {
  const byRule = new Map<string, Finding>();
  for (const f of findings) {
    if (f.component === 'reliability' || f.pointsLost <= 0) continue;
    const seen = byRule.get(f.rule);
    if (!seen || seen.pointsLost < f.pointsLost) byRule.set(f.rule, f);
  }
  return [...byRule.values()];
}
