/**
 * MTTA, MTTR, MTBF over a time range, from incidents (all times in ms since epoch).
 *
 * - The incidents considered are those OPENED in [from, to).
 * - MTTA: mean of (acknowledgedAt - openedAt) over those that were acknowledged; null if none.
 * - MTTR: mean of (resolvedAt - openedAt) over those that were resolved; null if none.
 *   (Time to resolve counts from opening, as incident tools report it; unresolved incidents
 *   are left out rather than guessed.)
 * - MTBF: (range length - downtime in range) / number of incidents opened in range; null when
 *   none was opened (no failure observed, "infinite"). Downtime is the union of the incidents'
 *   [openedAt, resolvedAt ?? to) intervals clipped to the range, for every incident that
 *   overlaps it (overlapping incidents are not counted twice).
 * Acknowledgement or resolution times before the opening are treated as 0 (clock skew).
 */
export interface IncidentTimes {
  openedAt: number;
  acknowledgedAt?: number | null;
  resolvedAt?: number | null;
}

export interface TimeRange {
  from: number;
  to: number;
}

export interface ReliabilityMetrics {
  /** Incidents opened in the range. */
  count: number;
  mttaMs: number | null;
  mttrMs: number | null;
  mtbfMs: number | null;
  downtimeMs: number;
}

function openedIn(incidents: readonly IncidentTimes[], range: TimeRange): IncidentTimes[] {
  return incidents.filter((i) => i.openedAt >= range.from && i.openedAt < range.to);
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export function mtta(incidents: readonly IncidentTimes[], range: TimeRange): number | null {
  return mean(
    openedIn(incidents, range)
      .filter((i) => i.acknowledgedAt != null)
      .map((i) => Math.max(0, (i.acknowledgedAt as number) - i.openedAt)),
  );
}

export function mttr(incidents: readonly IncidentTimes[], range: TimeRange): number | null {
  return mean(
    openedIn(incidents, range)
      .filter((i) => i.resolvedAt != null)
      .map((i) => Math.max(0, (i.resolvedAt as number) - i.openedAt)),
  );
}

export function downtimeInRange(incidents: readonly IncidentTimes[], range: TimeRange): number {
  const intervals = incidents
    .map((i) => [Math.max(i.openedAt, range.from), Math.min(i.resolvedAt ?? range.to, range.to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [a, b] of intervals) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else if (b > curEnd) {
      curEnd = b;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

export function mtbf(incidents: readonly IncidentTimes[], range: TimeRange): number | null {
  const count = openedIn(incidents, range).length;
  if (count === 0) return null;
  const uptime = Math.max(0, range.to - range.from - downtimeInRange(incidents, range));
  return uptime / count;
}

export function reliabilityMetrics(
  incidents: readonly IncidentTimes[],
  range: TimeRange,
): ReliabilityMetrics {
  return {
    count: openedIn(incidents, range).length,
    mttaMs: mtta(incidents, range),
    mttrMs: mttr(incidents, range),
    mtbfMs: mtbf(incidents, range),
    downtimeMs: downtimeInRange(incidents, range),
  };
}
