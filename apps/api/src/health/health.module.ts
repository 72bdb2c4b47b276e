import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { HealthClock } from './health-clock';
import { ProbingActivityRepository } from './probing-activity.repository';

/** /api/health (database, detector lag, probing stall). forRoot takes the app's one DetectionModule instance (its detector's lag is reported). */
@Module({ controllers: [HealthController], providers: [HealthService, HealthClock, ProbingActivityRepository] })
export class HealthModule {
  static forRoot(options: { imports?: ModuleMetadata['imports'] } = {}): DynamicModule {
    return { module: HealthModule, imports: options.imports ?? [] };
  }
}
