import { Logger } from '@nestjs/common';
import type { Worker } from 'node:worker_threads';
import type { ProbeAgentState } from '@kuzet/checks';
import type { Assignment, ResultRecord } from '@kuzet/contracts';
import type { EmbeddedWorkerData, FromWorker, ToWorker, WorkerObservations } from './embedded-agent.messages';
import { startEmbeddedWorker } from './embedded-worker-entry';

/** Restart delays after a crash: doubling from the first, capped; reset after a minute up. */
export const WORKER_RESTART_MIN_MS = 1_000;
export const WORKER_RESTART_MAX_MS = 30_000;
const STABLE_AFTER_MS = 60_000;

export interface EmbeddedAgentWorkerOptions {
  data: EmbeddedWorkerData;
  /** Stores a result batch (ResultIntakeService.accept); the worker's next batch waits for it. */
  onResults: (batch: ResultRecord[]) => Promise<void>;
  onObservations: (observations: WorkerObservations) => void;
  onRestart: () => void;
  /** Starts the thread (tests inject a failing one). */
  start?: (data: EmbeddedWorkerData) => Worker;
}

export interface EmbeddedWorkerStatus {
  /** The thread is up (false while it restarts after a crash). */
  running: boolean;
  restarts: number;
  /** Why it last exited unexpectedly, if it did. */
  lastExit: string | null;
}

/**
 * The main thread's side of the embedded agent's worker thread: sends it the assignment, stores
 * its result batches and acknowledges them, forwards its log lines to the API's logger, and
 * restarts it with backoff when it exits unexpectedly. stop() asks the worker to stop its runs
 * and flush, and terminates it if it has not finished within the grace period.
 */
export class EmbeddedAgentWorker {
  private readonly logger = new Logger('EmbeddedAgent');
  private worker: Worker | undefined;
  private assignment: Assignment | undefined;
  private lastState: ProbeAgentState | undefined;
  private stopping = false;
  private restarts = 0;
  private restartDelayMs = WORKER_RESTART_MIN_MS;
  private restartTimer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private lastExit: string | null = null;
  private crashError: string | undefined;
  private stopped: (() => void) | undefined;

  constructor(private readonly options: EmbeddedAgentWorkerOptions) {}

  start(): void {
    this.stopping = false;
    this.spawn();
  }

  setAssignment(assignment: Assignment): void {
    this.assignment = assignment;
    this.send({ type: 'assignment', assignment });
  }

  state(): ProbeAgentState | undefined {
    return this.lastState;
  }

  status(): EmbeddedWorkerStatus {
    return { running: this.worker !== undefined, restarts: this.restarts, lastExit: this.lastExit };
  }

  /** Stops runs in flight and flushes (results acknowledged as usual); terminates after graceMs. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    this.send({ type: 'stop' });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
    const late = await Promise.race([done.then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) this.logger.warn({ event: 'embedded_agent.stop_timeout', grace_ms: graceMs });
    await worker.terminate();
    this.worker = undefined;
  }

  private spawn(): void {
    const worker = (this.options.start ?? startEmbeddedWorker)(this.options.data);
    this.worker = worker;
    this.startedAt = Date.now();
    this.crashError = undefined;
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.on('error', (error: unknown) => {
      // Errors cross the thread boundary as another realm's Error: read the message, not instanceof.
      const message = (error as { message?: unknown } | null)?.message;
      this.crashError = typeof message === 'string' ? message : String(error);
      this.logger.error({ event: 'embedded_agent.worker_error', err: this.crashError });
    });
    worker.on('exit', (code) => this.onExit(worker, code));
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        if (this.assignment) worker.postMessage({ type: 'assignment', assignment: this.assignment } satisfies ToWorker);
        return;
      case 'results':
        this.options.onResults(message.batch).then(
          () => this.post(worker, { type: 'ack', seq: message.seq }),
          (error: unknown) => this.post(worker, { type: 'ack', seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
        );
        return;
      case 'observations':
        this.lastState = message.state;
        this.options.onObservations(message);
        return;
      case 'log':
        this.log(message.level, { ...message.obj, msg: message.msg });
        return;
      case 'assignment_refused':
        this.logger.error({ event: 'embedded_agent.assignment_refused', err: message.error });
        return;
      case 'stopped':
        this.stopped?.();
        return;
    }
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.stopped?.();
    if (this.stopping) return;
    this.lastExit = this.crashError ?? `exited with code ${code}`;
    if (Date.now() - this.startedAt > STABLE_AFTER_MS) this.restartDelayMs = WORKER_RESTART_MIN_MS;
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(WORKER_RESTART_MAX_MS, this.restartDelayMs * 2);
    this.logger.error({ event: 'embedded_agent.worker_exited', code, last_error: this.lastExit, restart_in_ms: delay });
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.restarts++;
      this.options.onRestart();
      this.spawn();
    }, delay);
  }

  private send(message: ToWorker): void {
    if (this.worker) this.post(this.worker, message);
  }

  private post(worker: Worker, message: ToWorker): void {
    // A worker that has exited takes no more messages; its unacknowledged batches are gone with it.
    if (this.worker === worker) worker.postMessage(message);
  }

  private log(level: 'info' | 'warn' | 'error', obj: object): void {
    if (level === 'error') this.logger.error(obj);
    else if (level === 'warn') this.logger.warn(obj);
    else this.logger.log(obj);
  }
}
