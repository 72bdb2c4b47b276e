import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { BoardGateway } from './board.gateway';
import { PublicGateway } from './public.gateway';
import { RealtimeCatalogRepository } from './realtime-catalog.repository';
import { RealtimeCatalog } from './realtime-catalog.service';
import { RealtimeClock } from './realtime-clock';
import { RealtimeMetrics } from './realtime-metrics';
import { RealtimePublisher } from './realtime-publisher.service';
import { RealtimeSnapshotService } from './realtime-snapshot.service';
import { RealtimeStreams } from './realtime-streams.service';

/**
 * Real time: socket.io /board and /public with sequenced delta events, replay and snapshots.
 * forRoot gets the modules exporting SystemStatusEvents and DetectionStatusService (the
 * application's own DetectionModule.forRoot instance), ResultsStream and CatalogEvents (both
 * optional), and SessionAuthenticator unless that is global. RealtimePublisher is exported for
 * score.updated.
 */
@Module({})
export class RealtimeModule {
  static forRoot(options: { imports?: ModuleMetadata['imports'] } = {}): DynamicModule {
    return {
      module: RealtimeModule,
      imports: [IncidentsModule, ...(options.imports ?? [])],
      providers: [
        RealtimeClock,
        RealtimeStreams,
        RealtimeMetrics,
        RealtimeCatalogRepository,
        RealtimeCatalog,
        RealtimeSnapshotService,
        BoardGateway,
        PublicGateway,
        RealtimePublisher,
      ],
      exports: [RealtimePublisher],
    };
  }
}
