import { displayStatus, STATUS_RANK } from './status-display';

/** A catalog system as the overview grid needs it. */
export interface OverviewSystem {
  code: string;
  agency: string;
  tier: string;
}

/** One virtual row of the national overview: an agency heading, or one line of its tiles. */
export type OverviewRow = { kind: 'agency'; agency: string; count: number } | { kind: 'tiles'; agency: string; codes: string[] };

const TIER_RANK: Record<string, number> = { critical: 0, high: 1, normal: 2, internal: 3 };
const HEALTHY = STATUS_RANK.no_data;

/**
 * How urgent a status is on the wall: outages, then degradation, then maintenance; operational and
 * no data are alike (a fresh start has no data everywhere, which is not news).
 */
export const problemRank = (status: string | null | undefined): number => Math.min(STATUS_RANK[displayStatus(status)], HEALTHY);

/**
 * Groups systems by agency (agencies in the given order, then any unknown one) and cuts each
 * group into lines of `columns` tiles, most important tier first. Without `rank` it depends on the
 * catalog and the width only, never on statuses: a status change does not rebuild the grid.
 * With `rank` (wall mode: problemRank of each system's status) problems come first: agencies by
 * their worst system (catalog order among equals), and within an agency systems by rank, then tier.
 */
export function overviewRows(
  agencies: readonly string[],
  systems: readonly OverviewSystem[],
  columns: number,
  rank?: (code: string) => number,
): OverviewRow[] {
  const cols = Math.max(1, Math.floor(columns));
  const groups = new Map<string, OverviewSystem[]>();
  for (const a of agencies) groups.set(a, []);
  for (const s of systems) {
    const list = groups.get(s.agency) ?? [];
    list.push(s);
    groups.set(s.agency, list);
  }
  const byTier = (a: OverviewSystem, b: OverviewSystem) => (TIER_RANK[a.tier] ?? 9) - (TIER_RANK[b.tier] ?? 9) || a.code.localeCompare(b.code);
  let ordered = [...groups].filter(([, list]) => list.length > 0);
  if (rank) {
    const ranks = new Map(systems.map((s) => [s.code, rank(s.code)]));
    const worst = new Map(ordered.map(([agency, list]) => [agency, Math.min(...list.map((s) => ranks.get(s.code)!))]));
    for (const [, list] of ordered) list.sort((a, b) => ranks.get(a.code)! - ranks.get(b.code)! || byTier(a, b));
    // Array.prototype.sort is stable: agencies of equal rank keep the catalog order.
    ordered = ordered.sort(([a], [b]) => worst.get(a)! - worst.get(b)!);
  } else for (const [, list] of ordered) list.sort(byTier);
  const rows: OverviewRow[] = [];
  for (const [agency, list] of ordered) {
    rows.push({ kind: 'agency', agency, count: list.length });
    for (let i = 0; i < list.length; i += cols) rows.push({ kind: 'tiles', agency, codes: list.slice(i, i + cols).map((s) => s.code) });
  }
  return rows;
}
