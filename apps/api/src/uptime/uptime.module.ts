import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceExecutor } from '../database/sql-executor';
import { SloMetrics } from './slo-metrics';
import { SloService } from './slo.service';
import { SloController, UptimeController } from './uptime.controller';
import { UPTIME_SQL, UptimeRepository } from './uptime.repository';
import { UptimeService } from './uptime.service';

/**
 * Uptime (GET /api/uptime/...), from the confirmed status history (system_status_history), and
 * SLO burn rates (GET /api/slo/...), from the check rollups. Needs a TypeORM DataSource, the
 * global MetricsRegistry, AppConfig and ScheduleModule.forRoot().
 */
@Module({
  controllers: [UptimeController, SloController],
  providers: [
    { provide: UPTIME_SQL, useFactory: (ds: DataSource) => dataSourceExecutor(ds), inject: [DataSource] },
    UptimeRepository,
    UptimeService,
    SloService,
    SloMetrics,
  ],
  exports: [UptimeService, SloService],
})
export class UptimeModule {}
