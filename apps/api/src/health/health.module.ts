import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TimeseriesModule } from '../timeseries/timeseries.module';
import { BackgroundJobsService } from './background-jobs.service';
import { HealthController } from './health.controller';
import { HealthMetrics } from './health-metrics';
import { HealthService } from './health.service';
import { HealthClock } from './health-clock';
import { OutboxBacklogRepository } from './outbox-backlog.repository';
import { ProbingActivityRepository } from './probing-activity.repository';
import { ReadinessIndicators } from './readiness-indicators';
import { TimescaleJobsRepository } from './timescale-jobs.repository';

/**
 * /api/health (database, detector lag, probing stall, embedded probe agent, background jobs, notifier backlog),
 * /api/health/live and /api/health/ready (terminus), and the health gauges of /metrics.
 * forRoot takes the app's one DetectionModule instance (its detector's lag is reported) and its
 * one ProbingModule instance (the embedded agent's line: worker up, "probe overloaded").
 */
@Module({
  // Terminus logs a failed check itself; the 503 body says what failed, so its log is off.
  imports: [TerminusModule.forRoot({ logger: false }), TimeseriesModule],
  controllers: [HealthController],
  providers: [
    HealthService,
    HealthClock,
    HealthMetrics,
    ProbingActivityRepository,
    TimescaleJobsRepository,
    OutboxBacklogRepository,
    BackgroundJobsService,
    ReadinessIndicators,
  ],
})
export class HealthModule {
  static forRoot(options: { imports?: ModuleMetadata['imports'] } = {}): DynamicModule {
    return { module: HealthModule, imports: options.imports ?? [] };
  }
}
