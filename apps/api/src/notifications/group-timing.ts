import type { NotificationPolicy } from '@kuzet/contracts';

/** A group's clock: when its oldest unsent change was first seen, and when it last sent. */
export interface GroupTimes {
  firstPendingAt: number | null;
  lastFlushedAt: number | null;
}

/**
 * When a group sends next (ms), or null with nothing pending. Like Alertmanager: a change waits
 * group_wait so that others arriving meanwhile go out in the same message, and a group never
 * sends twice within group_interval (a storm's stragglers join the next message).
 */
export function groupFlushAt(
  times: GroupTimes,
  policy: Pick<NotificationPolicy, 'group_wait' | 'group_interval'>,
): number | null {
  if (times.firstPendingAt === null) return null;
  const afterWait = times.firstPendingAt + policy.group_wait * 1000;
  const afterInterval = times.lastFlushedAt === null ? afterWait : times.lastFlushedAt + policy.group_interval * 1000;
  return Math.max(afterWait, afterInterval);
}
