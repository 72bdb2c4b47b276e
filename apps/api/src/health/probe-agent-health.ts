import type { EmbeddedAgentStatus } from '../probing/embedded/embedded-agent.service';
import type { ProbeLoad } from '../probing/metrics/probe-load-window';
import { PROBE_OVERLOAD_LAG_P99_MS, PROBE_OVERLOAD_SKIP_SHARE } from '../probing/metrics/probe-load-window';

export const PROBE_OVERLOADED = 'probe overloaded';
export const PROBE_WORKER_DOWN = 'probe worker down';

export interface ProbeAgentHealth {
  ok: boolean;
  /** 'probe overloaded', 'probe worker down', or null when fine. */
  problem: string | null;
  mode: EmbeddedAgentStatus['mode'];
  running: boolean;
  restarts: number;
  last_exit: string | null;
  /** Over the last minute: schedule lag p99 (bucket upper bound, ms), skipped share of planned runs. */
  lag_p99_ms: number | null;
  skipped_share: number;
  planned_last_minute: number;
  lag_p99_max_ms: number;
  skipped_share_max: number;
}

/**
 * The embedded probe agent's health line: not ok while its worker thread is down (restarting) or
 * while it is overloaded (schedule lag p99 or skipped share over the last minute above their
 * bounds). Degraded, not dead: readiness does not look at it. Pure.
 */
export function judgeProbeAgent(status: EmbeddedAgentStatus, load: ProbeLoad): ProbeAgentHealth {
  const problem = !status.running ? PROBE_WORKER_DOWN : load.overloaded ? PROBE_OVERLOADED : null;
  return {
    ok: problem === null,
    problem,
    mode: status.mode,
    running: status.running,
    restarts: status.restarts,
    last_exit: status.last_exit,
    lag_p99_ms: load.lagP99Ms,
    skipped_share: Math.round(load.skippedShare * 10_000) / 10_000,
    planned_last_minute: load.planned,
    lag_p99_max_ms: PROBE_OVERLOAD_LAG_P99_MS,
    skipped_share_max: PROBE_OVERLOAD_SKIP_SHARE,
  };
}
