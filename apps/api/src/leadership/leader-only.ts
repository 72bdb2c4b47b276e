import type { LeadershipService } from './leadership.service';

/**
 * Whether a leader-only periodic job skips this tick: leader election is on and this node does
 * not lead. Without election (an application without LeadershipModule: tests, tools) it runs.
 */
export function followerSkips(leadership: LeadershipService | undefined): boolean {
  return leadership !== undefined && !leadership.isLeader;
}
