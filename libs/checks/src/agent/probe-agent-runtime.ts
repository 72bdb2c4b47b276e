import { Assignment, AssignedCheck, defaultCheckRole, ProbeNetworkPolicy } from '@kuzet/contracts';
import { CheckOutcome, type CheckSpec } from '../check-run-result';
import type { CheckRunner } from '../runners/check-runner';
import { CheckRunnerRegistry } from '../runners/check-runner-registry';
import type {
  CheckSchedulerOptions,
  RunInfo,
  ScheduledCheck,
  SchedulerClock,
  SchedulerStats,
  SkipReason,
} from '../scheduler/scheduler.types';
import { CheckScheduler } from '../scheduler/check-scheduler';
import { DEFAULT_MIN_INTERVAL_MS } from '../scheduler/min-interval';
import { systemClock } from '../scheduler/system-clock';
import { silentAgentLogger, AgentLogger } from './agent-logger';
import { InvalidAssignmentError } from './agent.errors';
import { assignedCheckProblem } from './assigned-check-bounds';
import { isAgentRunnable, toCheckSpec, toScheduledCheck } from './assigned-check-spec';
import { CanaryMonitor } from './canary-monitor';
import { RecheckPolicy, type RecheckPolicyOptions } from './recheck-policy';
import { ResultBatcher } from './result-batcher';
import { toResultRecord } from './result-record.mapper';
import type { ResultSink } from './result-sink';
import { SkipReport, type SkipCounts } from './skip-report';

/** What the runtime needs of a scheduler (CheckScheduler from ../scheduler). */
export interface AgentScheduler {
  setChecks(checks: ScheduledCheck[]): void;
  /** Runs a check once more at `at`, off its grid; false when refused. */
  recheck(id: number, at: number): boolean;
  start(): void;
  stop(): Promise<void>;
  stats(): SchedulerStats;
}
export type AgentSchedulerFactory = (options: CheckSchedulerOptions) => AgentScheduler;

/** Runner lookup by kind (CheckRunnerRegistry has this shape). */
export interface AgentRunners {
  runnerFor(kind: string): CheckRunner | undefined;
}

export interface ProbeAgentRuntimeOptions {
  agentId: string;
  sink: ResultSink;
  /** Builds the scheduler (default: a CheckScheduler); tests pass a fake. */
  createScheduler?: AgentSchedulerFactory;
  runners?: AgentRunners;
  clock?: SchedulerClock;
  logger?: AgentLogger;
  hostConcurrency?: number;
  minIntervalMs?: number;
  flushIntervalMs?: number;
  maxBatch?: number;
  canaryIntervalMs?: number;
  canaryTimeoutMs?: number;
  /** Immediate re-verification of a changed result (delay 1 s by default; delayMs 0 = off). */
  recheck?: RecheckPolicyOptions;
  /** Skipped runs are logged as one line per this interval (default 10 s), never one per run. */
  skipReportIntervalMs?: number;
  onLag?: (lagMs: number, check: ScheduledCheck) => void;
  onSkip?: (check: ScheduledCheck, plannedAt: number, reason: SkipReason) => void;
  /** A check of an assignment the agent cannot run (bad interval or timeout, repeated id); the others run. */
  onCheckRefused?: (check: AssignedCheck, reason: string) => void;
}

export interface ProbeAgentState {
  agentId: string;
  region: string | undefined;
  revision: string | undefined;
  checks: number;
  /** Every canary failed in the last round: Down results go out as Unknown. */
  networkDown: boolean;
  pendingResults: number;
  running: boolean;
  /** Runs skipped since start, per reason (overload shows here, never as Unknown results). */
  skipped: SkipCounts;
}

/**
 * The agent runtime shared by the embedded agent (in the API) and remote agents (apps/probe):
 * takes assignments, schedules their checks on the phase grid, runs the runner of each kind
 * under the probe network policy, and batches ResultRecords to a sink.
 */
export class ProbeAgentRuntime {
  private readonly logger: AgentLogger;
  private readonly clock: SchedulerClock;
  private readonly runners: AgentRunners;
  private readonly scheduler: AgentScheduler;
  private readonly batcher: ResultBatcher;
  private readonly canaries: CanaryMonitor;
  private readonly rechecks: RecheckPolicy;
  private readonly skips: SkipReport;
  private assignment: Assignment | undefined;
  private policy: ProbeNetworkPolicy = ProbeNetworkPolicy.fromCidrs([]);
  /**
   * The runner spec of each assigned check, built once per assignment: every run of a check gets
   * the same object, so the runners' per-spec caches (the parsed target URL) hit instead of
   * parsing again at every run.
   */
  private specs = new WeakMap<AssignedCheck, CheckSpec>();
  private readonly minIntervalMs: number;
  /** "id reason" of checks refused by the current assignment: each is logged once, not per change. */
  private refused = new Set<string>();
  private running = false;
  private stopping = false;

  constructor(private readonly options: ProbeAgentRuntimeOptions) {
    this.logger = options.logger ?? silentAgentLogger;
    this.clock = options.clock ?? systemClock;
    const registry = new CheckRunnerRegistry();
    this.runners = options.runners ?? registry;
    this.minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    this.skips = new SkipReport({
      clock: this.clock,
      logger: this.logger,
      agentId: options.agentId,
      intervalMs: options.skipReportIntervalMs,
    });
    this.scheduler = (options.createScheduler ?? ((o) => new CheckScheduler(o)))({
      run: (check, plannedAt, signal, info) => this.runOne(check, plannedAt, signal, info),
      hostConcurrency: options.hostConcurrency,
      minIntervalMs: this.minIntervalMs,
      clock: this.clock,
      onLag: options.onLag,
      onSkip: (check, plannedAt, reason) => this.skipped(check, plannedAt, reason),
      onError: (error, check) =>
        this.logger.error({ event: 'agent.run_failed', check: check.key, err: String(error) }, 'run threw'),
    });
    this.rechecks = new RecheckPolicy(options.recheck);
    this.batcher = new ResultBatcher({
      sink: options.sink,
      clock: this.clock,
      logger: this.logger,
      flushIntervalMs: options.flushIntervalMs,
      maxBatch: options.maxBatch,
    });
    this.canaries = new CanaryMonitor({
      http: this.runners.runnerFor('http') ?? registry.runnerFor('http')!,
      tcp: this.runners.runnerFor('tcp') ?? registry.runnerFor('tcp')!,
      clock: this.clock,
      logger: this.logger,
      intervalMs: options.canaryIntervalMs,
      timeoutMs: options.canaryTimeoutMs,
    });
  }

  /**
   * Applies an assignment: checks added, changed or removed take effect at once (phases are stable
   * by key, so an unchanged check keeps its grid). Heartbeat checks are ignored.
   * @throws InvalidAssignmentError when probe_allow holds a malformed CIDR (nothing is changed)
   */
  setAssignment(assignment: Assignment): void {
    let policy: ProbeNetworkPolicy;
    try {
      policy = ProbeNetworkPolicy.fromCidrs(assignment.probe_allow);
    } catch (error) {
      throw new InvalidAssignmentError(`probe_allow: ${error instanceof Error ? error.message : String(error)}`);
    }
    const runnable = this.schedulable(assignment.checks.filter(isAgentRunnable));
    const previous = this.assignment;
    this.policy = policy;
    this.specs = new WeakMap();
    this.assignment = { ...assignment, checks: runnable };
    this.scheduler.setChecks(runnable.map(toScheduledCheck));
    this.rechecks.retain(new Set(runnable.map((c) => c.id)));
    this.canaries.setCanaries(assignment.canaries);
    if (previous?.revision !== assignment.revision) {
      this.logger.info(
        {
          event: 'agent.assignment',
          agent: this.options.agentId,
          region: assignment.region,
          revision: assignment.revision,
          checks: runnable.length,
          skipped: assignment.checks.length - runnable.length,
        },
        'assignment applied',
      );
    }
  }

  /** The checks the scheduler can take; each refused one is logged and reported once. */
  private schedulable(checks: AssignedCheck[]): AssignedCheck[] {
    const ok: AssignedCheck[] = [];
    const ids = new Set<number>();
    const refused = new Set<string>();
    for (const check of checks) {
      const problem = ids.has(check.id) ? `repeated check id ${check.id}` : assignedCheckProblem(check, this.minIntervalMs);
      if (problem === undefined) {
        ids.add(check.id);
        ok.push(check);
        continue;
      }
      const key = `${check.id} ${problem}`;
      refused.add(key);
      if (this.refused.has(key)) continue;
      this.logger.warn({ event: 'agent.check_refused', agent: this.options.agentId, check: check.key, reason: problem }, 'check refused, the others run');
      this.options.onCheckRefused?.(check, problem);
    }
    this.refused = refused;
    return ok;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.scheduler.start();
    this.canaries.start();
  }

  /** Stops scheduling, lets runs in flight finish (their results count), and flushes. */
  async stop(): Promise<void> {
    if (!this.running) {
      await this.batcher.flush();
      return;
    }
    this.running = false;
    this.stopping = true;
    await this.scheduler.stop();
    await this.canaries.stop();
    await this.batcher.flush();
    this.skips.stop();
  }

  flush(): Promise<void> {
    return this.batcher.flush();
  }

  /** Runs one canary round now (normally every canaryIntervalMs). */
  checkCanaries(): Promise<void> {
    return this.canaries.checkNow();
  }

  state(): ProbeAgentState {
    return {
      agentId: this.options.agentId,
      region: this.assignment?.region,
      revision: this.assignment?.revision,
      checks: this.assignment?.checks.length ?? 0,
      networkDown: this.canaries.networkDown,
      pendingResults: this.batcher.pending(),
      running: this.running,
      skipped: this.skips.counts(),
    };
  }

  schedulerStats(): SchedulerStats {
    return this.scheduler.stats();
  }

  private skipped(check: ScheduledCheck, plannedAt: number, reason: SkipReason): void {
    this.skips.record(check, reason);
    this.options.onSkip?.(check, plannedAt, reason);
  }

  private async runOne(
    scheduled: ScheduledCheck,
    plannedAt: number,
    signal: AbortSignal,
    info: RunInfo,
  ): Promise<void> {
    const check = scheduled.payload as AssignedCheck;
    const region = this.assignment?.region;
    if (!region) return;
    const runner = this.runners.runnerFor(check.kind);
    if (!runner) return;
    let spec = this.specs.get(check);
    if (!spec) {
      spec = toCheckSpec(check, this.policy);
      this.specs.set(check, spec);
    }
    const result = await runner.check(spec, signal);
    // A run cut short by stop() says nothing about the target; whoever takes over runs the slot.
    if (this.stopping && signal.aborted) return;
    // A timeout seen long after its deadline is the probe's own overload (a starved event loop),
    // not the target's: neither Down nor Unknown is stored, the run counts as skipped.
    if (result.starvedMs !== undefined) return this.skipped(scheduled, plannedAt, 'starved');
    const record = toResultRecord(result, {
      checkId: check.id,
      region,
      plannedAt,
      networkDown: this.canaries.networkDown,
      recheck: info.recheck,
    });
    const now = this.clock.now();
    // Only primary checks are rechecked: they decide outages, which must confirm in seconds. A
    // diagnostic check (TLS, TCP, DNS) only degrades and confirms at its own pace, so a stall of a
    // few seconds (seen: every TLS handshake of a loaded host timing out at once) confirms nothing.
    const primary = (check.role ?? defaultCheckRole(check.kind)) === 'primary';
    const recheck = this.rechecks.observe(check.id, scheduled.host, record.outcome, primary && !info.recheck, now);
    // What detection waits for goes out at once: failures, rechecks, and a first success after failing.
    this.batcher.add(record, recheck || info.recheck || record.outcome === CheckOutcome.Down);
    if (this.running && recheck) this.scheduler.recheck(check.id, now + this.rechecks.delayMs);
  }
}
