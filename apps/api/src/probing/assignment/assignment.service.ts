import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Assignment } from '@kuzet/contracts';
import { assignedCheckProblem } from '@kuzet/checks';
import { Observable, Subject, Subscription } from 'rxjs';
import { CatalogEvents } from '../../catalog/catalog-events.service';
import { AppConfig } from '../../config/app-config';
import { ProbingMetrics } from '../metrics/probing-metrics.service';
import { ProbingClock } from '../probing-clock';
import { PROBING_OPTIONS, ProbingOptions } from '../probing.options';
import { AgentRegistryService } from '../registry/agent-registry.service';
import { AssignmentHistory, ServedVerdict } from './assignment-history';
import { AgentPlan, EMBEDDED_AGENT_ID, Plan, planAssignments } from './assignment-plan';
import type { ProbeCheck } from './probe-check';
import { resolveProbeCheckSecrets } from './probe-check-secrets';
import { ProbeChecksRepository } from './probe-checks.repository';

/**
 * The current plan of who runs what, recomputed when the catalog or the set of live agents
 * changes; long-polls wait on it.
 */
@Injectable()
export class AssignmentService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ProbeAssignment');
  private checks: ProbeCheck[] = [];
  private plan: Plan = { agents: new Map(), unassigned: new Map() };
  private readonly history: AssignmentHistory;
  private readonly loggedUnassigned = new Set<string>();
  private readonly subject = new Subject<void>();
  private readonly subscriptions: Subscription[] = [];
  private reloading: Promise<void> = Promise.resolve();
  private loaded: Promise<void> | undefined;
  private everLoaded = false;
  private closed = false;
  /** Emits after every recomputation that changed some agent's revision. */
  readonly changes$: Observable<void> = this.subject.asObservable();

  constructor(
    @Inject(PROBING_OPTIONS) private readonly options: ProbingOptions,
    private readonly config: AppConfig,
    private readonly repository: ProbeChecksRepository,
    private readonly registry: AgentRegistryService,
    private readonly catalogEvents: CatalogEvents,
    private readonly metrics: ProbingMetrics,
    private readonly clock: ProbingClock,
  ) {
    this.history = new AssignmentHistory(options.replayHorizonMs);
  }

  onModuleInit(): void {
    this.subscriptions.push(
      this.catalogEvents.changes$.subscribe(() => void this.reload()),
      this.registry.changes$.subscribe(() => this.recompute()),
    );
  }

  onApplicationShutdown(): void {
    this.closed = true;
    this.subscriptions.forEach((s) => s.unsubscribe());
    // Wake every long-poll so the server can close.
    this.subject.next();
    this.subject.complete();
  }

  /** Loads the checks once (first caller), later reloads come from catalog events. */
  async ready(): Promise<void> {
    this.loaded ??= this.reload();
    await this.loaded;
    // A first load that failed (database away) is tried again by the next caller.
    if (!this.everLoaded) this.loaded = undefined;
  }

  /** Whether the checks were ever loaded: before that, no result can be judged. */
  get isLoaded(): boolean {
    return this.everLoaded;
  }

  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      try {
        const { checks, unresolved } = resolveProbeCheckSecrets(
          this.withinBounds(await this.repository.listProbed()),
          this.config.catalogEnv,
        );
        for (const u of unresolved)
          this.logger.warn({ event: 'probe_assignment.secret_unresolved', check: u.key, variables: u.variables });
        this.checks = checks;
        this.history.update(this.checks, this.clock.now());
        this.everLoaded = true;
        this.recompute();
      } catch (error) {
        this.logger.error({ event: 'probe_assignment.reload_failed', err: String(error) });
      }
    });
    return this.reloading;
  }

  /**
   * Leaves out checks no agent can schedule (rows written before the catalog bounded interval and
   * timeout): logged and counted, the others assigned as usual.
   */
  private withinBounds(checks: ProbeCheck[]): ProbeCheck[] {
    const minIntervalMs = this.config.minIntervalS * 1000;
    return checks.filter((check) => {
      const problem = assignedCheckProblem(check, minIntervalMs);
      if (problem === undefined) return true;
      this.metrics.checksRefused.inc({ where: 'assignment' });
      this.logger.warn({ event: 'probe_assignment.check_refused', check: check.key, reason: problem });
      return false;
    });
  }

  /** This agent's assignment now (an agent the plan does not know gets an empty one). */
  assignmentFor(agentId: string, region: string): Assignment {
    const plan = this.plan.agents.get(agentId);
    const mine: AgentPlan =
      plan && plan.region === region ? plan : { agentId, region, checks: [], revision: `empty-${region}` };
    return {
      revision: mine.revision,
      region,
      agent_id: agentId,
      checks: mine.checks,
      probe_allow: this.config.probeAllow,
      canaries: this.options.canaries,
      agent_ttl_s: this.options.agentTtlS,
    };
  }

  /**
   * Whether results of this check from this region, planned at `plannedAt`, come from an assigned
   * run: the check runs in the region now, or left it after that time (within the replay horizon).
   * Call ready() first.
   */
  served(checkId: number, region: string, plannedAt: number): ServedVerdict {
    return this.history.served(checkId, region, plannedAt, this.options.clockSkewMs);
  }

  /** Whether the embedded agent has the embedded region now. */
  embeddedActive(): boolean {
    return this.plan.agents.has(EMBEDDED_AGENT_ID);
  }

  /**
   * Resolves with the agent's assignment once its revision differs from `revision`, or after
   * `waitMs`, or when `abort` fires (the client went away), whichever comes first.
   */
  waitForChange(agentId: string, region: string, revision: string, waitMs: number, abort?: AbortSignal): Promise<Assignment> {
    const current = this.assignmentFor(agentId, region);
    if (current.revision !== revision || this.closed) return Promise.resolve(current);
    return new Promise((resolve) => {
      const handles: { timer?: NodeJS.Timeout; subscription?: Subscription } = {};
      const finish = () => {
        if (handles.timer) this.clock.clearTimeout(handles.timer);
        handles.subscription?.unsubscribe();
        abort?.removeEventListener('abort', finish);
        resolve(this.assignmentFor(agentId, region));
      };
      handles.timer = this.clock.setTimeout(finish, waitMs);
      abort?.addEventListener('abort', finish);
      handles.subscription = this.subject.subscribe({
        next: () => {
          if (this.closed || this.assignmentFor(agentId, region).revision !== revision) finish();
        },
        complete: finish,
      });
    });
  }

  private recompute(): void {
    const previous = this.plan;
    const live = this.registry.liveByRegion();
    this.plan = planAssignments(
      {
        checks: this.checks,
        agentsByRegion: live,
        embeddedRegion: this.options.embeddedAgent ? this.options.embeddedRegion : undefined,
      },
      [this.config.probeAllow, this.options.canaries],
    );
    this.metrics.setPlan(this.plan, live);
    for (const [region, count] of this.plan.unassigned) {
      if (!this.loggedUnassigned.has(region)) {
        this.loggedUnassigned.add(region);
        this.logger.warn({ event: 'probe_assignment.region_unserved', region, checks: count });
      }
    }
    for (const region of this.loggedUnassigned) if (!this.plan.unassigned.has(region)) this.loggedUnassigned.delete(region);
    let changed = previous.agents.size !== this.plan.agents.size;
    for (const [id, p] of this.plan.agents) if (previous.agents.get(id)?.revision !== p.revision) changed = true;
    if (changed) {
      this.logger.log({
        event: 'probe_assignment.changed',
        agents: [...this.plan.agents.values()].map((a) => `${a.region}/${a.agentId}:${a.checks.length}`),
      });
      this.subject.next();
    }
  }
}
