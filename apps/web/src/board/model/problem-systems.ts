import { TIER_RANK } from './overview-rows';
import { displayStatus, STATUS_RANK } from './status-display';

const HEALTHY = STATUS_RANK.no_data;

/**
 * How urgent a status is: outages, then degradation, then maintenance; operational and no data
 * are alike (a fresh start has no data everywhere, which is not news).
 */
export const problemRank = (status: string | null | undefined): number => Math.min(STATUS_RANK[displayStatus(status)], HEALTHY);

export const isProblem = (status: string | null | undefined): boolean => problemRank(status) < HEALTHY;

/** A system as the problem list needs it. */
export interface RankedSystem {
  system: string;
  tier: string;
  status: string | null | undefined;
}

/** Codes of the systems with a problem, most urgent first: status rank, then tier, then code. */
export function problemSystems(systems: Iterable<RankedSystem>): string[] {
  const problems = [...systems].filter((s) => isProblem(s.status));
  problems.sort(
    (a, b) =>
      problemRank(a.status) - problemRank(b.status) ||
      (TIER_RANK[a.tier] ?? 9) - (TIER_RANK[b.tier] ?? 9) ||
      a.system.localeCompare(b.system),
  );
  return problems.map((s) => s.system);
}
