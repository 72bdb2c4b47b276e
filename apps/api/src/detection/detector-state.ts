import type { CheckOutcome, ErrorClass, PublicStatus } from '@kuzet/contracts';
import type { FlappingState, LatencyBaselineState, QuorumVerdict, SoftHardState } from '@kuzet/detection';

/**
 * The detector's persisted state, one JSON document per key in detector_state:
 *   region:<checkId>:<region>  soft/hard state, the first error of the current failure
 *                              (+ latency baseline when learned baselines are on)
 *   check:<checkId>            quorum verdict, check status, flapping history
 *   system:<systemId>          system status and flapping flag (what incidents were told last)
 */
export interface RegionState {
  softHard: SoftHardState;
  latency: LatencyBaselineState | null;
  /** The first failing (or slow) result of the current trouble; cleared once the region is up. */
  failure?: RegionFailure | null;
}

export interface RegionFailure {
  /** Planned time of that result (ms). */
  at: number;
  outcome: CheckOutcome;
  errorClass: ErrorClass | null;
  statusCode: number | null;
  /** The error in plain words (never a target, an address or a secret). */
  words: string;
}

export interface CheckState {
  verdict: QuorumVerdict;
  status: PublicStatus | null;
  flapping: FlappingState;
}

export interface SystemState {
  /** Public status: under_maintenance while a window is active. */
  status: PublicStatus | null;
  /** What the checks say, maintenance not applied (an incident open before a window follows it). */
  checksStatus?: PublicStatus | null;
  /** Public flapping flag (never while under maintenance). */
  flapping: boolean;
  /** What the checks say, maintenance not applied (an open incident follows it through a window). */
  checksFlapping?: boolean;
  /** Time of the result that set this state (ms). */
  at: number;
  /**
   * Since when a new root incident is held back because an upstream dependency is failing but
   * not yet confirmed (the parent-aware grace); null when nothing is held.
   */
  heldSince?: number | null;
}

export const regionKey = (checkId: number, region: string): string => `region:${checkId}:${region}`;
export const checkKey = (checkId: number): string => `check:${checkId}`;
export const systemKey = (systemId: number): string => `system:${systemId}`;
