import type { PublicStatus } from '@kuzet/contracts/catalog/catalog-enums';

export type DisplayStatus = PublicStatus | 'no_data';

/**
 * A status is never told by colour alone: each has a distinct icon shape as well as a label
 * (from i18n), so it reads in grey-scale, on a wall display and to a screen reader.
 */
export const STATUS_ICON: Record<DisplayStatus, string> = {
  operational: '✓',
  degraded_performance: '◐',
  partial_outage: '▲',
  major_outage: '✕',
  under_maintenance: '⚙',
  no_data: '?',
};

export const STATUS_RANK: Record<DisplayStatus, number> = {
  major_outage: 0,
  partial_outage: 1,
  degraded_performance: 2,
  under_maintenance: 3,
  no_data: 4,
  operational: 5,
};

export const displayStatus = (s: string | null | undefined): DisplayStatus =>
  s && s in STATUS_ICON ? (s as DisplayStatus) : 'no_data';

/** Count of systems per status, for an agency heading. */
export function countStatuses(statuses: readonly (string | null | undefined)[]): Partial<Record<DisplayStatus, number>> {
  const out: Partial<Record<DisplayStatus, number>> = {};
  for (const s of statuses) {
    const d = displayStatus(s);
    out[d] = (out[d] ?? 0) + 1;
  }
  return out;
}
