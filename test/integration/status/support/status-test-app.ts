import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule } from '../../../../apps/api/src/auth/auth.module';
import { loadAppConfig } from '../../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../../apps/api/src/config/config.module';
import { DetectionClock } from '../../../../apps/api/src/detection/detection-clock';
import { DetectionModule } from '../../../../apps/api/src/detection/detection.module';
import { INCIDENTS_OPTIONS } from '../../../../apps/api/src/incidents/incidents.options';
import { FakeClock } from '../../../../apps/api/src/incidents/testing/fake-incidents';
import { ResultsStream } from '../../../../apps/api/src/ingest/results-stream';
import { MetricsModule } from '../../../../apps/api/src/metrics/metrics.module';
import { StatusClock } from '../../../../apps/api/src/status/status-clock';
import { StatusModule } from '../../../../apps/api/src/status/status.module';
import { ScheduleModule } from '@nestjs/schedule';

@Module({ providers: [ResultsStream], exports: [ResultsStream] })
class TestResultsStreamModule {}

/**
 * Detection, incidents and the public API as the application mounts them (Fastify, /api prefix,
 * the global session guard), one fake clock for detection and the public API.
 */
export async function createStatusTestApp(
  databaseUrl: string,
  clock: FakeClock,
  env: Record<string, string> = {},
): Promise<NestFastifyApplication> {
  const detection = DetectionModule.forRoot({ imports: [TestResultsStreamModule] });
  const config = loadAppConfig({}, { DATABASE_URL: databaseUrl, KUZET_DEMO: 'false', KUZET_LOG_LEVEL: 'silent', ...env });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      TypeOrmModule.forRoot({ type: 'postgres', url: databaseUrl, synchronize: false, poolSize: 4 }),
      ScheduleModule.forRoot(),
      MetricsModule,
      detection,
      AuthModule,
      StatusModule.forRoot({ imports: [detection] }),
    ],
  })
    .overrideProvider(DetectionClock)
    .useValue(clock)
    .overrideProvider(StatusClock)
    .useValue(clock)
    .overrideProvider(INCIDENTS_OPTIONS)
    .useValue({ cooldownMs: 120_000, sweepIntervalMs: 0, symptomGraceMs: 15_000 })
    .setLogger(false as never)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  app.setGlobalPrefix('api');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** gateway and registry public, portal not; gateway in category documents. */
export async function makePublic(ds: DataSource): Promise<void> {
  await ds.query(
    `INSERT INTO categories (code, name_kk, name_ru, name_en) VALUES ('documents', 'Құжаттар', 'Документы', 'Documents')`,
  );
  await ds.query(`UPDATE systems SET is_public = code IN ('gateway', 'registry')`);
  await ds.query(`UPDATE systems SET category_id = (SELECT id FROM categories WHERE code = 'documents') WHERE code = 'gateway'`);
}
