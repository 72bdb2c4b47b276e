/** A catalog system as the overview grid needs it. */
export interface OverviewSystem {
  code: string;
  agency: string;
  tier: string;
}

/** One virtual row of the national overview: an agency heading, or one line of its tiles. */
export type OverviewRow = { kind: 'agency'; agency: string; count: number } | { kind: 'tiles'; agency: string; codes: string[] };

/** Most important tier first. */
export const TIER_RANK: Record<string, number> = { critical: 0, high: 1, normal: 2, internal: 3 };

/**
 * Groups systems by agency (agencies in the given order, then any unknown one) and cuts each
 * group into lines of `columns` tiles, most important tier first. It depends on the catalog and
 * the width only, never on statuses: a status change does not rebuild the grid, and the agency
 * order stays put (problems are listed first in the "needs attention" strip instead).
 */
export function overviewRows(
  agencies: readonly string[],
  systems: readonly OverviewSystem[],
  columns: number,
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
  const ordered = [...groups].filter(([, list]) => list.length > 0);
  for (const [, list] of ordered) list.sort(byTier);
  const rows: OverviewRow[] = [];
  for (const [agency, list] of ordered) {
    rows.push({ kind: 'agency', agency, count: list.length });
    for (let i = 0; i < list.length; i += cols) rows.push({ kind: 'tiles', agency, codes: list.slice(i, i + cols).map((s) => s.code) });
  }
  return rows;
}
