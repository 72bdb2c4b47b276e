/** Whether a (check, region) pair was assigned at a planned time; see AssignmentHistory.served. */
export type ServedVerdict = 'assigned' | 'unknown_check' | 'region_not_assigned';

const pairKey = (checkId: number, region: string) => `${checkId}\u0000${region}`;

/**
 * Which check runs in which region now, and which pairs left the plan recently (a check disabled,
 * a region removed from it) with when they left, kept for the replay horizon: an agent cut off from
 * the API replays results of that time. In memory: after an API restart only the current plan is
 * known. Pure, the caller gives the time.
 */
export class AssignmentHistory {
  private current = new Set<string>();
  private currentChecks = new Set<number>();
  /** Pair -> when it left the plan (ms), and the check ids of those pairs. */
  private readonly retired = new Map<string, { checkId: number; at: number }>();

  constructor(private readonly horizonMs: number) {}

  update(checks: readonly { id: number; regions: readonly string[] }[], now: number): void {
    const next = new Set<string>();
    for (const c of checks) for (const r of c.regions) next.add(pairKey(c.id, r));
    for (const key of this.current) {
      if (!next.has(key)) this.retired.set(key, { checkId: Number(key.slice(0, key.indexOf('\u0000'))), at: now });
    }
    for (const key of next) this.retired.delete(key);
    for (const [key, r] of this.retired) if (r.at < now - this.horizonMs) this.retired.delete(key);
    this.current = next;
    this.currentChecks = new Set(checks.map((c) => c.id));
  }

  /**
   * 'assigned' when the check runs in the region now, or left it at or after `plannedAt` (within
   * the horizon, with `skewMs` of slack for clocks); otherwise why not.
   */
  served(checkId: number, region: string, plannedAt: number, skewMs: number): ServedVerdict {
    const key = pairKey(checkId, region);
    if (this.current.has(key)) return 'assigned';
    const left = this.retired.get(key);
    if (left && plannedAt <= left.at + skewMs) return 'assigned';
    if (this.currentChecks.has(checkId)) return 'region_not_assigned';
    for (const r of this.retired.values()) if (r.checkId === checkId) return 'region_not_assigned';
    return 'unknown_check';
  }
}
