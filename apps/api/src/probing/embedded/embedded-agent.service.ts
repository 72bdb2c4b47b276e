import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { ProbeAgentRuntime, ProbeAgentState } from '@kuzet/checks';
import type { ResultRecord } from '@kuzet/contracts';
import { AppConfig } from '../../config/app-config';
import { EMBEDDED_AGENT_ID } from '../assignment/assignment-plan';
import { AssignmentService } from '../assignment/assignment.service';
import { ProbingMetrics } from '../metrics/probing-metrics.service';
import { EmbeddedAgentMode, PROBING_OPTIONS, ProbingOptions } from '../probing.options';
import { ProbingClock } from '../probing-clock';
import { ResultIntakeService } from '../results/result-intake.service';
import { EmbeddedAgentWorker } from './embedded-agent-worker';
import { nestAgentLogger } from './nest-agent-logger';

/** Lag observations and skip counts reach the metrics at least this often (both modes). */
const OBSERVATIONS_INTERVAL_MS = 1_000;
/**
 * Results per batch handed to the main thread (as a remote agent's largest batch). Smaller
 * batches shortened the main thread's tasks, but each batch waits for its acknowledgement (ingest's
 * linger and write included) before the next is sent: at 250 a node overloaded at 3,000-4,000
 * checks/s stored 1,300/s instead of 2,100/s (decision 0009). The detector's batches yield to
 * requests instead (EventLoopSlicer).
 */
export const EMBEDDED_MAX_BATCH = 1_000;

export interface EmbeddedAgentStatus {
  mode: EmbeddedAgentMode;
  /** The agent runs (false while its worker thread restarts after a crash). */
  running: boolean;
  /** Worker restarts after an unexpected exit (always 0 inline). */
  restarts: number;
  last_exit: string | null;
}

/**
 * The in-process agent: serves the embedded region while no remote agent does (the plan gives it
 * agent id 'embedded'). By default it runs in a worker thread (off the API's event loop) that
 * speaks the agent protocol's DTOs: assignments in, result batches out, stored through
 * ResultIntakeService here, no HTTP; 'inline' runs the same runtime on the main thread.
 * Started on application bootstrap, stopped (runs in flight stopped, results flushed) on module
 * destroy, i.e. before ingest drains at shutdown.
 */
@Injectable()
export class EmbeddedAgentService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EmbeddedAgent');
  private runtime: ProbeAgentRuntime | undefined;
  private worker: EmbeddedAgentWorker | undefined;
  private subscription: Subscription | undefined;
  private batchSeq = 0;
  private readonly bootId = `${process.pid}-${Date.now().toString(36)}`;
  /** Inline mode: lags gathered between two metric updates (the same batching as the worker's). */
  private lags: number[] = [];
  private lagTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PROBING_OPTIONS) private readonly options: ProbingOptions,
    private readonly config: AppConfig,
    private readonly assignments: AssignmentService,
    private readonly intake: ResultIntakeService,
    private readonly metrics: ProbingMetrics,
    private readonly clock: ProbingClock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.embeddedAgent) return;
    if (this.options.embeddedAgentMode === 'worker') this.worker = this.createWorker();
    else this.runtime = this.createRuntime();
    await this.assignments.ready();
    this.apply();
    this.subscription = this.assignments.changes$.subscribe(() => this.apply());
    this.worker?.start();
    this.runtime?.start();
    this.logger.log({ event: 'embedded_agent.started', region: this.options.embeddedRegion, mode: this.options.embeddedAgentMode });
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    if (this.worker) {
      await this.worker.stop(this.options.embeddedStopGraceMs);
      this.worker = undefined;
    } else if (this.runtime) {
      await this.runtime.stop();
      this.runtime = undefined;
      clearInterval(this.lagTimer);
      this.flushLags();
    } else return;
    this.logger.log({ event: 'embedded_agent.stopped' });
  }

  /** The runtime's state (worker mode: as of its last report, at most a second old). */
  state(): ProbeAgentState | undefined {
    return this.worker ? this.worker.state() : this.runtime?.state();
  }

  /** Null when no embedded agent runs on this node. */
  status(): EmbeddedAgentStatus | null {
    if (this.worker) {
      const s = this.worker.status();
      return { mode: 'worker', running: s.running, restarts: s.restarts, last_exit: s.lastExit };
    }
    if (this.runtime) return { mode: 'inline', running: true, restarts: 0, last_exit: null };
    return null;
  }

  private async store(batch: ResultRecord[]): Promise<void> {
    await this.intake.accept(`embedded-${this.bootId}-${++this.batchSeq}`, batch, 'embedded');
  }

  private createWorker(): EmbeddedAgentWorker {
    return new EmbeddedAgentWorker({
      data: {
        agentId: EMBEDDED_AGENT_ID,
        minIntervalMs: this.config.minIntervalS * 1000,
        recheckDelayMs: this.options.recheckDelayMs,
        observationsIntervalMs: OBSERVATIONS_INTERVAL_MS,
        maxBatch: EMBEDDED_MAX_BATCH,
      },
      onResults: (batch) => this.store(batch),
      onObservations: (o) => {
        const now = this.clock.now();
        this.metrics.observeLags(o.lagsMs, now);
        this.metrics.observeSkipped(o.skipped, now);
        if (o.refused > 0) this.metrics.checksRefused.inc({ where: 'embedded' }, o.refused);
        this.metrics.embeddedHeapBytes.set({ kind: 'used' }, o.heap.usedBytes);
        this.metrics.embeddedHeapBytes.set({ kind: 'total' }, o.heap.totalBytes);
      },
      onRestart: () => this.metrics.embeddedRestarts.inc(),
    });
  }

  private createRuntime(): ProbeAgentRuntime {
    this.lagTimer = setInterval(() => this.flushLags(), OBSERVATIONS_INTERVAL_MS);
    this.lagTimer.unref();
    return new ProbeAgentRuntime({
      agentId: EMBEDDED_AGENT_ID,
      logger: nestAgentLogger('EmbeddedAgent'),
      minIntervalMs: this.config.minIntervalS * 1000,
      maxBatch: EMBEDDED_MAX_BATCH,
      recheck: { delayMs: this.options.recheckDelayMs },
      onLag: (lagMs) => void this.lags.push(lagMs),
      onSkip: (_check, _plannedAt, reason) => this.metrics.observeSkipped({ [reason]: 1 }, this.clock.now()),
      // The runtime logs the check; the others keep running.
      onCheckRefused: () => this.metrics.checksRefused.inc({ where: 'embedded' }),
      sink: { submit: (batch) => this.store(batch) },
    });
  }

  private flushLags(): void {
    if (this.lags.length === 0) return;
    this.metrics.observeLags(this.lags, this.clock.now());
    this.lags = [];
  }

  private apply(): void {
    const assignment = this.assignments.assignmentFor(EMBEDDED_AGENT_ID, this.options.embeddedRegion);
    if (this.worker) return this.worker.setAssignment(assignment);
    if (!this.runtime) return;
    try {
      this.runtime.setAssignment(assignment);
    } catch (error) {
      this.logger.error({ event: 'embedded_agent.assignment_refused', err: String(error) });
    }
  }
}
