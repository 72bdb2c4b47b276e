import type { Finding } from '@kuzet/scoring';

/**
 * The findings to remember as present: one per rule (the costliest when several endpoints share
 * it), and only those a probe saw (their evidence names a check run). A finding is fixed when a
 * probe sees it gone. Left out: findings about missing evidence (no tls check yet, a first run
 * before the probes reported), which say nothing was seen rather than that something was wrong;
 * and reliability findings, which already come from a sliding 28-day window (fading them as well
 * would count an old outage twice).
 */
export function findingsToRemember(findings: readonly Finding[]): Finding[] {
  const byRule = new Map<string, Finding>();
  for (const f of findings) {
    if (!('checkId' in f.evidence) || f.component === 'reliability' || f.pointsLost <= 0) continue;
    const seen = byRule.get(f.rule);
    if (!seen || seen.pointsLost < f.pointsLost) byRule.set(f.rule, f);
  }
  return [...byRule.values()];
}
