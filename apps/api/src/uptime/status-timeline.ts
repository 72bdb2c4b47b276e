/**
 * A system's confirmed status over time (docs/uptime.md). The detector records every change of a
 * system's confirmed status in system_status_history; between two changes the status holds.
 * Before the first change nothing is known, and a null status means no evidence: both are no data.
 */
import type { PublicStatus } from '@kuzet/contracts';

export interface StatusChange {
  /** Epoch ms from which `status` holds. */
  at: number;
  status: PublicStatus | null;
}

/** Changes in ascending `at`, at most one per instant. */
export type StatusTimeline = readonly StatusChange[];

/** [start, end) with one status. */
export interface StatusSegment {
  start: number;
  end: number;
  status: PublicStatus | null;
}

/**
 * The timeline cut into constant-status segments that cover [from, to) exactly, in order;
 * adjacent segments always differ in status.
 */
export function statusSegments(timeline: StatusTimeline, from: number, to: number): StatusSegment[] {
  const out: StatusSegment[] = [];
  const push = (start: number, end: number, status: PublicStatus | null) => {
    if (end <= start) return;
    const last = out[out.length - 1];
    if (last && last.status === status) last.end = end;
    else out.push({ start, end, status });
  };
  let status: PublicStatus | null = null;
  let start = from;
  for (const change of timeline) {
    if (change.at >= to) break;
    if (change.at > from) {
      push(start, change.at, status);
      start = change.at;
    }
    status = change.status;
  }
  push(start, to, status);
  return out;
}

/**
 * One timeline from several: at every instant where any of them changes, `combine` gets each
 * one's status (null before its first change) in the order given. Unchanged results are dropped.
 */
export function mergeTimelines(
  timelines: readonly StatusTimeline[],
  combine: (statuses: (PublicStatus | null)[]) => PublicStatus | null,
): StatusChange[] {
  const instants = [...new Set(timelines.flatMap((t) => t.map((c) => c.at)))].sort((a, b) => a - b);
  const current = timelines.map(() => -1);
  const out: StatusChange[] = [];
  for (const at of instants) {
    timelines.forEach((t, k) => {
      while (current[k] + 1 < t.length && t[current[k] + 1].at <= at) current[k]++;
    });
    const status = combine(timelines.map((t, k) => (current[k] < 0 ? null : t[current[k]].status)));
    if (out.length === 0 || out[out.length - 1].status !== status) out.push({ at, status });
  }
  return out;
}

/** The timeline as known at `now`: what lies after `now` has not been observed (no data). */
export function observedUntil(timeline: StatusTimeline, now: number): StatusChange[] {
  return [...timeline.filter((c) => c.at < now), { at: now, status: null }];
}
