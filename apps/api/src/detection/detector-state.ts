import type { PublicStatus } from '@kuzet/contracts';
import type { FlappingState, LatencyBaselineState, QuorumVerdict, SoftHardState } from '@kuzet/detection';

/**
 * The detector's persisted state, one JSON document per key in detector_state:
 *   region:<checkId>:<region>  soft/hard state (+ latency baseline when learned baselines are on)
 *   check:<checkId>            quorum verdict, check status, flapping history
 *   system:<systemId>          system status and flapping flag (what incidents were told last)
 */
export interface RegionState {
  softHard: SoftHardState;
  latency: LatencyBaselineState | null;
}

export interface CheckState {
  verdict: QuorumVerdict;
  status: PublicStatus | null;
  flapping: FlappingState;
}

export interface SystemState {
  status: PublicStatus | null;
  flapping: boolean;
  /** Time of the result that set this state (ms). */
  at: number;
}

export const regionKey = (checkId: number, region: string): string => `region:${checkId}:${region}`;
export const checkKey = (checkId: number): string => `check:${checkId}`;
export const systemKey = (systemId: number): string => `system:${systemId}`;
