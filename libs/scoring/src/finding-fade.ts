import type { FixedFinding, Finding, ScoreComponentName } from './system-score';
import { COMPONENT_POINTS } from './system-score';
import { roundPoints } from './points';

/** A fixed finding's cost fades out linearly over this many days. */
export const FADE_DAYS = 60;
const DAY_MS = 86_400_000;

/** Share of its cost a finding fixed at `fixedAt` still carries at `now` (1 → 0 over 60 days). */
export function fadeFactor(fixedAt: number, now: number): number {
  const age = Math.max(0, now - fixedAt);
  return Math.max(0, 1 - age / (FADE_DAYS * DAY_MS));
}

/**
 * The fading cost of findings no longer seen. One whose rule is seen again is not fixed (the
 * current finding counts instead); one whose cost has faded to 0 is dropped. Each component's
 * losses stay within its points: fading costs are trimmed, never current ones.
 */
export function fadedFindings(fixed: readonly FixedFinding[], current: readonly Finding[], now: number): Finding[] {
  const seen = new Set(current.map((f) => f.rule));
  const lost = new Map<ScoreComponentName, number>();
  for (const f of current) lost.set(f.component, (lost.get(f.component) ?? 0) + f.pointsLost);
  const faded: Finding[] = [];
  for (const { finding, fixedAt } of fixed) {
    if (seen.has(finding.rule)) continue;
    const original = finding.fading?.originalPointsLost ?? finding.pointsLost;
    const room = COMPONENT_POINTS[finding.component] - (lost.get(finding.component) ?? 0);
    const cost = roundPoints(Math.min(room, original * fadeFactor(fixedAt, now)));
    if (cost <= 0) continue;
    lost.set(finding.component, (lost.get(finding.component) ?? 0) + cost);
    seen.add(finding.rule);
    const daysLeft = Math.ceil((fixedAt + FADE_DAYS * DAY_MS - now) / DAY_MS);
    const fixedOn = new Date(fixedAt).toISOString();
    faded.push({
      ...finding,
      pointsLost: cost,
      reason: `fixed ${fixedOn.slice(0, 10)}, fading out over ${FADE_DAYS} days (${daysLeft} left): ${finding.reason.replace(/^fixed .*?: /, '')}`,
      fading: { fixedAt: fixedOn, originalPointsLost: original },
    });
  }
  return faded;
}

/**
 * The fixed findings to carry into the next score: those of `previous` that cost points and are
 * gone from `current` become fixed at `now`; those already fixed stay until they are seen again
 * or have faded out. (The caller keeps the list between runs, e.g. in the database.)
 */
export function carryFixedFindings(
  previous: readonly Finding[],
  current: readonly Finding[],
  alreadyFixed: readonly FixedFinding[],
  now: number,
): FixedFinding[] {
  const seen = new Set(current.filter((f) => !f.fading).map((f) => f.rule));
  const kept = alreadyFixed.filter((f) => !seen.has(f.finding.rule) && fadeFactor(f.fixedAt, now) > 0);
  const known = new Set(kept.map((f) => f.finding.rule));
  const newlyFixed = previous
    .filter((f) => !f.fading && f.pointsLost > 0 && !seen.has(f.rule) && !known.has(f.rule))
    .map((finding) => ({ finding, fixedAt: now }));
  return [...kept, ...newlyFixed];
}
