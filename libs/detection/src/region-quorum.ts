/**
 * Region quorum for one check: combines the hard states of its regions into one verdict.
 *
 * Voters: a region votes only when its hard state is known (not 'unknown') AND its last known
 * result is within `staleAfterMs` of `now` (`now - lastKnownAt <= staleAfterMs`). A region
 * whose probe only reports unknowns, or went silent, abstains: a blind probe is no evidence.
 *
 * Verdict, first match wins:
 * - no voters                                  -> 'unknown'
 * - down voters form a STRICT majority          -> 'down'  (2 of 3, 1 of 1, 3 of 4)
 * - at least one down voter (minority or TIE)   -> 'regional' (1 of 2, 2 of 4, 1 of 3): a
 *   probe-side or regional problem, shown as a warning, never as an outage. Ties go to
 *   'regional' on purpose: with two regions we cannot tell which side is wrong, and a false
 *   major outage on a state service costs more than a late one (the third region, or the
 *   other probe going down too, settles it).
 * - degraded voters form a strict majority      -> 'degraded'
 * - at least one degraded voter (minority/tie)  -> 'regional'
 * - otherwise                                  -> 'up'
 * A single-region check is its own majority: its region's hard state is the verdict.
 */
import type { HardState } from './soft-hard-state.machine';

export type QuorumVerdict = 'up' | 'degraded' | 'down' | 'regional' | 'unknown';

export interface RegionVote {
  region: string;
  hard: HardState;
  /** Time of the region's last non-unknown result (SoftHardState.lastKnownAt). */
  lastKnownAt: number | null;
}

export interface QuorumConfig {
  /** A region with no known result for longer than this abstains (e.g. 3 check intervals). */
  staleAfterMs: number;
}

export interface QuorumResult {
  verdict: QuorumVerdict;
  voters: string[];
  down: string[];
  degraded: string[];
  /** Regions that did not vote (unknown or stale). */
  abstained: string[];
}

export function evaluateQuorum(
  regions: readonly RegionVote[],
  now: number,
  config: QuorumConfig,
): QuorumResult {
  const voters: string[] = [];
  const down: string[] = [];
  const degraded: string[] = [];
  const abstained: string[] = [];
  for (const r of regions) {
    const fresh = r.lastKnownAt !== null && now - r.lastKnownAt <= config.staleAfterMs;
    if (r.hard === 'unknown' || !fresh) {
      abstained.push(r.region);
      continue;
    }
    voters.push(r.region);
    if (r.hard === 'down') down.push(r.region);
    if (r.hard === 'degraded') degraded.push(r.region);
  }
  return {
    verdict: verdictOf(voters.length, down.length, degraded.length),
    voters,
    down,
    degraded,
    abstained,
  };
}

function verdictOf(voters: number, down: number, degraded: number): QuorumVerdict {
  if (voters === 0) return 'unknown';
  if (down * 2 > voters) return 'down';
  if (down > 0) return 'regional';
  if (degraded * 2 > voters) return 'degraded';
  if (degraded > 0) return 'regional';
  return 'up';
}
