import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { UptimeModule } from '../uptime/uptime.module';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';
import { PublicDocumentsController } from './public-documents.controller';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { PublicReadService } from './public-read.service';
import { PublicSnapshotService } from './public-snapshot.service';
import { PublicStatusController } from './public-status.controller';
import { PublicStatusRepository } from './public-status.repository';
import { StatusClock } from './status-clock';
import { StatusPageData } from './status-page-data';
import { PUBLIC_PAGE_DATA } from '../web/public-page-data';

/**
 * The public API (/api/public/v1): anonymous, public systems and public fields only. forRoot gets
 * the modules exporting SystemStatusEvents (the application's DetectionModule.forRoot instance)
 * and CatalogEvents, whose changes rebuild the snapshot.
 */
@Module({})
export class StatusModule {
  static forRoot(options: { imports?: ModuleMetadata['imports'] } = {}): DynamicModule {
    return {
      module: StatusModule,
      imports: [IncidentsModule, UptimeModule, ...(options.imports ?? [])],
      controllers: [PublicStatusController, PublicDocumentsController, OpenDataController],
      providers: [
        StatusClock,
        PublicStatusRepository,
        PublicSnapshotService,
        PublicReadService,
        OpenDataService,
        PublicRateLimitGuard,
        // the server-rendered public pages (apps/api/src/web) read the same data in-process
        { provide: PUBLIC_PAGE_DATA, useClass: StatusPageData },
      ],
      exports: [PublicSnapshotService, PublicReadService, PUBLIC_PAGE_DATA],
    };
  }
}
