import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { ProbeAgentRuntime } from '@kuzet/checks';
import { AppConfig } from '../../config/app-config';
import { EMBEDDED_AGENT_ID } from '../assignment/assignment-plan';
import { AssignmentService } from '../assignment/assignment.service';
import { ProbingMetrics } from '../metrics/probing-metrics.service';
import { PROBING_OPTIONS, ProbingOptions } from '../probing.options';
import { ResultIntakeService } from '../results/result-intake.service';
import { nestAgentLogger } from './nest-agent-logger';

/**
 * The in-process agent: serves the embedded region while no remote agent does (the plan gives it
 * agent id 'embedded'); its sink writes straight through ResultIntakeService, no HTTP.
 * Started on application bootstrap, stopped (runs in flight finished, results flushed) on
 * module destroy, i.e. before ingest drains at shutdown.
 */
@Injectable()
export class EmbeddedAgentService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EmbeddedAgent');
  private runtime: ProbeAgentRuntime | undefined;
  private subscription: Subscription | undefined;
  private batchSeq = 0;
  private readonly bootId = `${process.pid}-${Date.now().toString(36)}`;

  constructor(
    @Inject(PROBING_OPTIONS) private readonly options: ProbingOptions,
    private readonly config: AppConfig,
    private readonly assignments: AssignmentService,
    private readonly intake: ResultIntakeService,
    private readonly metrics: ProbingMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.embeddedAgent) return;
    this.runtime = new ProbeAgentRuntime({
      agentId: EMBEDDED_AGENT_ID,
      logger: nestAgentLogger('EmbeddedAgent'),
      minIntervalMs: this.config.minIntervalS * 1000,
      recheck: { delayMs: this.options.recheckDelayMs },
      onLag: (lagMs) => this.metrics.scheduleLag.observe(Math.max(0, lagMs) / 1000),
      // The runtime logs the check; the others keep running.
      onCheckRefused: () => this.metrics.checksRefused.inc({ where: 'embedded' }),
      sink: {
        submit: async (batch) => {
          await this.intake.accept(`embedded-${this.bootId}-${++this.batchSeq}`, batch, 'embedded');
        },
      },
    });
    await this.assignments.ready();
    this.apply();
    this.subscription = this.assignments.changes$.subscribe(() => this.apply());
    this.runtime.start();
    this.logger.log({ event: 'embedded_agent.started', region: this.options.embeddedRegion });
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    if (!this.runtime) return;
    await this.runtime.stop();
    this.runtime = undefined;
    this.logger.log({ event: 'embedded_agent.stopped' });
  }

  state() {
    return this.runtime?.state();
  }

  private apply(): void {
    if (!this.runtime) return;
    const assignment = this.assignments.assignmentFor(EMBEDDED_AGENT_ID, this.options.embeddedRegion);
    try {
      this.runtime.setAssignment(assignment);
    } catch (error) {
      this.logger.error({ event: 'embedded_agent.assignment_refused', err: String(error) });
    }
  }
}
