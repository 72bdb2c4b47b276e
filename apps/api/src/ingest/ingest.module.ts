import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { TimeseriesModule } from '../timeseries/timeseries.module';
import { createIngestSpool, ingestSpoolDir, INGEST_SPOOL } from './ingest-spool';
import { IngestMetrics } from './ingest-metrics';
import { IngestStore } from './ingest-store';
import { IngestTimers } from './ingest-timers';
import { INGEST_OPTIONS } from './ingest.options';
import { IngestService } from './ingest.service';
import { ResultsStream } from './results-stream';

/**
 * The loss-free write path of check results (IngestService). One static module, so every importer
 * (the app, probing) shares one writer and one spool; its tunables come from AppConfig.
 * Needs, in the application: ConfigModule.forRoot(config), DatabaseModule.forRoot(), MetricsModule.
 */
@Module({
  imports: [TimeseriesModule],
  providers: [
    IngestTimers,
    IngestStore,
    IngestMetrics,
    IngestService,
    ResultsStream,
    { provide: INGEST_SPOOL, inject: [AppConfig], useFactory: (config: AppConfig) => createIngestSpool(ingestSpoolDir(config)) },
    { provide: INGEST_OPTIONS, inject: [AppConfig], useFactory: (config: AppConfig) => config.ingest },
  ],
  exports: [IngestService, ResultsStream],
})
export class IngestModule {}
