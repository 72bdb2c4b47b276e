import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BootModule } from './boot/boot.module';
import { CatalogModule } from './catalog/catalog.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DetectionModule } from './detection/detection.module';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { IngestModule } from './ingest/ingest.module';
import { LeadershipModule } from './leadership/leadership.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProbingModule } from './probing/probing.module';
import { RealtimeModule } from './realtime/realtime.module';
import { ScoringModule } from './scoring/scoring.module';
import { StatusModule } from './status/status.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { TimeseriesModule } from './timeseries/timeseries.module';
import { UptimeModule } from './uptime/uptime.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // One instance, shared with the real-time module (a second forRoot would be a second detector).
    const detection = DetectionModule.forRoot({ imports: [IngestModule, CatalogModule] });
    // One instance too: the scorer publishes score.updated through its publisher.
    const realtime = RealtimeModule.forRoot({ imports: [detection, IngestModule, CatalogModule] });
    // One instance too: health reports its embedded agent.
    const probing = ProbingModule.forRoot(config.probing);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        ScheduleModule.forRoot(),
        DatabaseModule.forRoot(),
        MetricsModule,
        LeadershipModule,
        AuditModule,
        AuthModule,
        TimeseriesModule,
        CatalogModule,
        IngestModule,
        probing,
        IncidentsModule,
        NotificationsModule,
        SubscriptionsModule,
        detection,
        realtime,
        UptimeModule,
        ScoringModule.forRoot({ imports: [realtime] }),
        StatusModule.forRoot({ imports: [detection, CatalogModule] }),
        HealthModule.forRoot({ imports: [detection, probing] }),
        DemoModule,
        BootModule,
      ],
    };
  }
}
