import { DynamicModule, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { IngestModule } from '../ingest/ingest.module';
import { TimeseriesModule } from '../timeseries/timeseries.module';
import { AssignmentService } from './assignment/assignment.service';
import { ProbeChecksRepository } from './assignment/probe-checks.repository';
import { EmbeddedAgentService } from './embedded/embedded-agent.service';
import { HeartbeatMonitorService } from './heartbeat/heartbeat-monitor.service';
import { HeartbeatRepository } from './heartbeat/heartbeat.repository';
import { PushController } from './heartbeat/push.controller';
import { PushService } from './heartbeat/push.service';
import { CheckHistoryController } from './history/check-history.controller';
import { CheckHistoryRepository } from './history/check-history.repository';
import { CheckHistoryService } from './history/check-history.service';
import { ProbeAssignmentsController } from './http/probe-assignments.controller';
import { ProbeResultsController } from './http/probe-results.controller';
import { ProbingMetrics } from './metrics/probing-metrics.service';
import { ProbingClock } from './probing-clock';
import { PROBING_OPTIONS, ProbingOptions, resolveProbingOptions } from './probing.options';
import { AgentPresenceRepository } from './registry/agent-presence.repository';
import { AgentRegistryService } from './registry/agent-registry.service';
import { ResultDetailsRepository } from './results/result-details.repository';
import { ResultIntakeService } from './results/result-intake.service';
import { ProbeAuthGuard } from './tokens/probe-auth.guard';
import { ProbeTokensRepository } from './tokens/probe-tokens.repository';
import { ProbeTokensService } from './tokens/probe-tokens.service';

/**
 * Probing: agent tokens, the agent registry, check assignment (rendezvous hashing per region),
 * the agent protocol (/api/probe/v1), the embedded agent, heartbeat pushes and their monitor, and
 * the results API. Needs, in the application: ConfigModule.forRoot, DatabaseModule.forRoot (or a
 * TypeORM root plus SQL_EXECUTOR), MetricsModule, ScheduleModule.forRoot; imports Catalog,
 * Timeseries and Ingest modules itself.
 */
@Module({})
export class ProbingModule {
  static forRoot(options: Partial<ProbingOptions> = {}): DynamicModule {
    return {
      module: ProbingModule,
      imports: [CatalogModule, TimeseriesModule, IngestModule],
      controllers: [ProbeAssignmentsController, ProbeResultsController, PushController, CheckHistoryController],
      providers: [
        { provide: PROBING_OPTIONS, useValue: resolveProbingOptions(options) },
        ProbingClock,
        ProbingMetrics,
        ProbeTokensRepository,
        ProbeTokensService,
        ProbeAuthGuard,
        AgentPresenceRepository,
        AgentRegistryService,
        ProbeChecksRepository,
        AssignmentService,
        ResultDetailsRepository,
        ResultIntakeService,
        EmbeddedAgentService,
        HeartbeatRepository,
        PushService,
        HeartbeatMonitorService,
        CheckHistoryRepository,
        CheckHistoryService,
      ],
      exports: [ProbeTokensService, AssignmentService, AgentRegistryService, EmbeddedAgentService, HeartbeatMonitorService, ProbingMetrics],
    };
  }
}
