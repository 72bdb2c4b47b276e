import type { PublicStatus } from '../catalog/catalog-enums';

/** What the public side says about all public systems together (`GET /api/public/v1/status`, the page's banner). */
export interface PublicOverall {
  /**
   * - the worst of degraded_performance / partial_outage / major_outage among the systems that
   *   have a status, whatever the others are (a real outage is never hidden by systems without data);
   * - else under_maintenance when a system is under maintenance;
   * - else operational only when every system has a status and it is operational;
   * - else null: some or all systems have no data yet, and none of the others is worse than
   *   operational, so how everything is cannot be told (`systems_without_data` says how many).
   */
  overall: PublicStatus | null;
  /** How many of the systems have no status yet (no data). */
  systems_without_data: number;
}

/** Worst first: the statuses that lead the overall status over any system without data. */
const TROUBLE: readonly PublicStatus[] = ['major_outage', 'partial_outage', 'degraded_performance'];

/** The overall status of the given systems' statuses (null: no data yet); see PublicOverall. */
export function publicOverall(statuses: readonly (PublicStatus | null)[]): PublicOverall {
  const seen = new Set(statuses);
  const withoutData = statuses.filter((s) => s === null).length;
  const trouble = TROUBLE.find((s) => seen.has(s));
  let overall: PublicStatus | null;
  if (trouble) overall = trouble;
  else if (seen.has('under_maintenance')) overall = 'under_maintenance';
  else if (withoutData === 0 && seen.has('operational')) overall = 'operational';
  else overall = null;
  return { overall, systems_without_data: withoutData };
}
