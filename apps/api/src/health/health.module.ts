import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

/** /api/health. forRoot takes the app's one DetectionModule instance (its detector's lag is reported). */
@Module({ controllers: [HealthController], providers: [HealthService] })
export class HealthModule {
  static forRoot(options: { imports?: ModuleMetadata['imports'] } = {}): DynamicModule {
    return { module: HealthModule, imports: options.imports ?? [] };
  }
}
