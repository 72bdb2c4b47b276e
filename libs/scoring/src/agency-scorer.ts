import type { SystemTier } from '@kuzet/contracts';
import type { AgencyScore, SystemScore } from './system-score';
import { gradeOf } from './grades';
import { roundPoints } from './points';
import { ScoringInputError } from './scoring.errors';

/** How much each tier counts in the agency's mean (the weights). */
export const TIER_WEIGHTS: Readonly<Record<SystemTier, number>> = {
  critical: 10,
  high: 7.5,
  normal: 5,
  internal: 2.5,
};

/**
 * Agency score = 0.5 × the tier-weighted mean of its systems + 0.5 × its worst system, so one
 * neglected system cannot hide behind many good ones. An agency without scored systems has no score.
 */
export function scoreAgency(agency: string, systems: readonly SystemScore[]): AgencyScore {
  if (systems.length === 0) throw new ScoringInputError('systems', `agency ${agency} has no scored systems`);
  const weight = systems.reduce((sum, s) => sum + TIER_WEIGHTS[s.tier], 0);
  const weightedMean = roundPoints(systems.reduce((sum, s) => sum + TIER_WEIGHTS[s.tier] * s.score, 0) / weight);
  const worst = systems.reduce((w, s) => (s.score < w.score ? s : w));
  const score = roundPoints(0.5 * weightedMean + 0.5 * worst.score);
  return {
    agency,
    score,
    grade: gradeOf(score),
    weightedMean,
    worst: { system: worst.system, score: worst.score },
    systems: systems.map((s) => ({ system: s.system, tier: s.tier, score: s.score, grade: s.grade })),
  };
}
