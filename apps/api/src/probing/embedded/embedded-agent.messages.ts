import type { Assignment, ResultRecord } from '@kuzet/contracts';
import type { ProbeAgentState, SkipCounts } from '@kuzet/checks';

/**
 * Messages between the API's main thread and the embedded agent's worker thread. The payloads
 * are the agent protocol's own DTOs (an Assignment in, ResultRecord batches out), as a remote
 * agent exchanges them over HTTP; metrics travel batched (one message a second), never per run.
 */
export interface EmbeddedWorkerData {
  agentId: string;
  minIntervalMs: number;
  recheckDelayMs: number;
  /** How often lag observations and skip counts are sent to the main thread. */
  observationsIntervalMs: number;
  /** Most results in one batch to the main thread. */
  maxBatch: number;
}

export type ToWorker =
  | { type: 'assignment'; assignment: Assignment }
  | { type: 'ack'; seq: number; error?: string }
  | { type: 'stop' };

export interface WorkerObservations {
  type: 'observations';
  /** Schedule lag (ms) of every run started since the last message. */
  lagsMs: number[];
  /** Runs skipped since the last message, per reason. */
  skipped: SkipCounts;
  /** Checks the runtime refused since the last message. */
  refused: number;
  state: ProbeAgentState;
  /** The worker thread's own V8 heap (its isolate is not in the main thread's process metrics). */
  heap: { usedBytes: number; totalBytes: number };
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'results'; seq: number; batch: ResultRecord[] }
  | WorkerObservations
  | { type: 'log'; level: 'info' | 'warn' | 'error'; obj: object; msg?: string }
  | { type: 'assignment_refused'; error: string }
  | { type: 'stopped' };
