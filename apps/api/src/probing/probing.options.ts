/** Settings of the probing module; DI-provided (PROBING_OPTIONS), every field has a default. */
export interface ProbingOptions {
  /** An agent that has not polled for this long loses its checks (KUZET_PROBE_AGENT_TTL_S). */
  agentTtlS: number;
  /** How often departed agents are swept out (KUZET_PROBE_SWEEP_S). */
  sweepS: number;
  /** Longest long-poll wait (KUZET_PROBE_POLL_WAIT_S). */
  pollWaitS: number;
  /** Region the in-process agent serves when no remote agent does (KUZET_EMBEDDED_REGION). */
  embeddedRegion: string;
  /** Run the embedded agent at all (KUZET_EMBEDDED_AGENT). */
  embeddedAgent: boolean;
  /**
   * Where the embedded agent runs (KUZET_EMBEDDED_AGENT_MODE): 'worker' = a worker thread, off the
   * API's event loop (the application's default); 'inline' = on the main thread (the default of
   * test modules that build ProbingModule themselves).
   */
  embeddedAgentMode: EmbeddedAgentMode;
  /** SIGTERM: how long the embedded agent may take to stop its runs and flush before it is cut off. */
  embeddedStopGraceMs: number;
  /** Canary targets (URLs or host:port) sent to every agent (KUZET_PROBE_CANARIES). */
  canaries: string[];
  /** Heartbeat evaluation tick (KUZET_HEARTBEAT_TICK_S). */
  heartbeatTickS: number;
  /** Delay of the immediate recheck of a changed result; 0 = no rechecks (KUZET_RECHECK_DELAY_MS). */
  recheckDelayMs: number;
  /** A result planned later than now plus this is refused (KUZET_PROBE_CLOCK_SKEW_S). */
  clockSkewMs: number;
  /**
   * A result planned longer ago than this is refused, and a check removed from a region is still
   * accepted from it for results planned before the removal, this long (KUZET_PROBE_REPLAY_HORIZON_H).
   */
  replayHorizonMs: number;
  /** Batch ids remembered to acknowledge replays as duplicates. */
  recentBatchIds: number;
  /**
   * Record live agents in probe_agents and plan over every node's agents (the app: on; tests that
   * share one database between unrelated apps: off, each registry stays in memory).
   */
  sharedRegistry: boolean;
}

export type EmbeddedAgentMode = 'worker' | 'inline';
export const EMBEDDED_AGENT_MODES: readonly EmbeddedAgentMode[] = ['worker', 'inline'];

export const PROBING_OPTIONS = Symbol('PROBING_OPTIONS');

export const DEFAULT_PROBING_OPTIONS: ProbingOptions = {
  agentTtlS: 20,
  sweepS: 5,
  pollWaitS: 25,
  embeddedRegion: 'local',
  embeddedAgent: true,
  embeddedAgentMode: 'inline',
  embeddedStopGraceMs: 6_000,
  canaries: [],
  heartbeatTickS: 1,
  recheckDelayMs: 1_000,
  clockSkewMs: 5_000,
  replayHorizonMs: 72 * 3_600_000,
  recentBatchIds: 10_000,
  sharedRegistry: false,
};

export function resolveProbingOptions(partial: Partial<ProbingOptions> = {}): ProbingOptions {
  return { ...DEFAULT_PROBING_OPTIONS, ...partial };
}
