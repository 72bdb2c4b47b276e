import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { AppConfig } from '../config/app-config';
import { DEFAULT_DETECTION_OPTIONS, DETECTION_OPTIONS } from './detection.options';
import { DetectionRepository } from './detection.repository';
import { DetectorService } from './detector.service';
import { DetectorMetrics } from './detector-metrics';
import { ResultsRelayService } from './results-relay.service';
import { DetectionStatusController } from './http/detection-status.controller';
import { DetectionStatusService } from './detection-status.service';
import { SystemStatusEvents } from './system-status-events.service';

/**
 * The detector (results -> statuses -> incidents) and /api/status. Needs a TypeORM root
 * (DataSource). The modules exporting ResultsStream (IngestModule) and CatalogEvents
 * (CatalogModule) are passed to forRoot; both are optional for the detector, which otherwise
 * only runs when fed through enqueue().
 */
@Module({
  imports: [IncidentsModule],
  controllers: [DetectionStatusController],
  providers: [
    DetectionRepository,
    DetectorService,
    DetectorMetrics,
    DetectionStatusService,
    SystemStatusEvents,
    ResultsRelayService,
    {
      provide: DETECTION_OPTIONS,
      inject: [{ token: AppConfig, optional: true }],
      useFactory: (config?: AppConfig) => config?.detection ?? DEFAULT_DETECTION_OPTIONS,
    },
  ],
  exports: [DetectorService, DetectionStatusService, SystemStatusEvents],
})
export class DetectionModule {
  static forRoot(options: { imports?: ModuleMetadata['imports'] } = {}): DynamicModule {
    return { module: DetectionModule, imports: options.imports ?? [] };
  }
}
