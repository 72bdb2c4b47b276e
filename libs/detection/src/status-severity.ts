/**
 * Ordering of the public statuses by how bad they are, shared by the roll-ups.
 * under_maintenance is not "worse" or "better": roll-ups handle it explicitly, so it is given
 * the lowest rank here and never wins a worst-of by accident.
 */
import type { PublicStatus } from '@kuzet/contracts';

const RANK: Record<PublicStatus, number> = {
  under_maintenance: -1,
  operational: 0,
  degraded_performance: 1,
  partial_outage: 2,
  major_outage: 3,
};

export function statusSeverity(status: PublicStatus): number {
  return RANK[status];
}

/** The worse of the given statuses (maintenance loses to anything); null for an empty list. */
export function worstStatus(statuses: readonly PublicStatus[]): PublicStatus | null {
  let worst: PublicStatus | null = null;
  for (const s of statuses) if (worst === null || RANK[s] > RANK[worst]) worst = s;
  return worst;
}
