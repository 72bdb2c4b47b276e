import { Module } from '@nestjs/common';
import { DetectionClock } from '../detection/detection-clock';
import { IncidentsController } from './http/incidents.controller';
import { ReliabilityController } from './http/reliability.controller';
import { IncidentEvents } from './incident-events.service';
import { IncidentsMetrics } from './incidents-metrics';
import { IncidentsReadService } from './incidents-read.service';
import { IncidentsSweepService } from './incidents-sweep.service';
import { IncidentsUnitOfWork } from './incidents-unit-of-work';
import { AppConfig } from '../config/app-config';
import { DEFAULT_INCIDENTS_OPTIONS, INCIDENTS_OPTIONS } from './incidents.options';
import { IncidentsService } from './incidents.service';
import { SystemGraphRepository } from './system-graph.repository';

/**
 * Incidents: lifecycle (IncidentsService, driven by the detector), the cooldown sweep,
 * IncidentEvents for the board, /api/incidents and /api/reliability. Needs a TypeORM root.
 */
@Module({
  controllers: [IncidentsController, ReliabilityController],
  providers: [
    DetectionClock,
    IncidentEvents,
    IncidentsUnitOfWork,
    SystemGraphRepository,
    IncidentsService,
    IncidentsReadService,
    IncidentsSweepService,
    IncidentsMetrics,
    {
      provide: INCIDENTS_OPTIONS,
      inject: [{ token: AppConfig, optional: true }],
      useFactory: (config?: AppConfig) => config?.incidents ?? DEFAULT_INCIDENTS_OPTIONS,
    },
  ],
  exports: [
    IncidentsService,
    IncidentsReadService,
    IncidentEvents,
    IncidentsUnitOfWork,
    SystemGraphRepository,
    DetectionClock,
  ],
})
export class IncidentsModule {}
