import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DetectionClock } from '../../../../apps/api/src/detection/detection-clock';
import { DetectionModule } from '../../../../apps/api/src/detection/detection.module';
import { ResultsStream } from '../../../../apps/api/src/ingest/results-stream';
import { INCIDENTS_OPTIONS } from '../../../../apps/api/src/incidents/incidents.options';
import { FakeClock } from '../../../../apps/api/src/incidents/testing/fake-incidents';
import { CheckOutcome } from '../../../../apps/api/src/timeseries/check-outcome';
import type { CheckResultRow } from '../../../../apps/api/src/timeseries/check-result';
import { AuthModule } from '../../../../apps/api/src/auth/auth.module';
import { loadAppConfig } from '../../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../../apps/api/src/config/config.module';

/** ResultsStream as IngestModule will provide it in the application. */
@Module({ providers: [ResultsStream], exports: [ResultsStream] })
class TestResultsStreamModule {}

export const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
export const S = (n: number): number => T0 + n * 1000;

/**
 * Detection + incidents as the application mounts them (Fastify, /api prefix, a bare TypeORM
 * root) over the given migrated database, with a fake clock and no sweep timer (tests sweep).
 * AuthModule guards the routes as in the app: sign in first (test/support/auth-helpers).
 */
export async function createIncidentsTestApp(
  databaseUrl: string,
  clock: FakeClock,
  results: ResultsStream = new ResultsStream(),
): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(loadAppConfig({}, { DATABASE_URL: databaseUrl, KUZET_DEMO: 'false', KUZET_LOG_LEVEL: 'silent' })),
      TypeOrmModule.forRoot({ type: 'postgres', url: databaseUrl, synchronize: false, poolSize: 4 }),
      DetectionModule.forRoot({ imports: [TestResultsStreamModule] }),
      AuthModule,
    ],
  })
    .overrideProvider(ResultsStream)
    .useValue(results)
    .overrideProvider(DetectionClock)
    .useValue(clock)
    .overrideProvider(INCIDENTS_OPTIONS)
    .useValue({ cooldownMs: 120_000, sweepIntervalMs: 0, symptomGraceMs: 15_000 })
    .setLogger(false as never)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  app.setGlobalPrefix('api');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export interface SeededCatalog {
  agencyIds: Record<string, number>;
  systemIds: Record<string, number>;
  checkIds: Record<string, number>;
}

/**
 * Agencies nit and mju; systems gateway (nit, critical) <- portal (nit, high, depends on gateway)
 * and registry (mju, normal); one http check each (region almaty), portal's in two regions.
 */
export async function seedCatalog(ds: DataSource): Promise<SeededCatalog> {
  const one = async (sql: string, params: unknown[]) =>
    Number(((await ds.query(sql, params)) as { id: number }[])[0].id);
  const agencyIds: Record<string, number> = {};
  for (const code of ['nit', 'mju'])
    agencyIds[code] = await one(
      `INSERT INTO agencies (code, name_kk, name_ru, name_en) VALUES ($1, $1 || '-kk', $1 || '-ru', $1 || '-en') RETURNING id`,
      [code],
    );
  const systemIds: Record<string, number> = {};
  for (const [code, agency, tier, en] of [
    ['gateway', 'nit', 'critical', 'eGov gateway'],
    ['portal', 'nit', 'high', 'eGov portal'],
    ['registry', 'mju', 'normal', 'Registry'],
  ] as const)
    systemIds[code] = await one(
      `INSERT INTO systems (agency_id, code, tier, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4 || ' kk', $4 || ' ru', $4) RETURNING id`,
      [agencyIds[agency], code, tier, en],
    );
  await ds.query('INSERT INTO system_dependencies (system_id, depends_on_id) VALUES ($1, $2)', [
    systemIds.portal,
    systemIds.gateway,
  ]);
  const checkIds: Record<string, number> = {};
  for (const [system, regions] of [
    ['gateway', ['almaty']],
    ['portal', ['almaty', 'astana', 'shymkent']],
    ['registry', ['almaty']],
  ] as const)
    checkIds[system] = await one(
      `INSERT INTO checks (system_id, code, key, kind, target, interval_s, timeout_s, regions)
       VALUES ($1, 'web', $2, 'http', 'https://example.kz', 30, 10, $3) RETURNING id`,
      [systemIds[system], `${system}/web`, regions],
    );
  return { agencyIds, systemIds, checkIds };
}

export function result(
  checkId: number,
  sec: number,
  outcome: CheckOutcome,
  region = 'almaty',
): CheckResultRow {
  return {
    time: new Date(S(sec)),
    checkId,
    region,
    outcome,
    latencyMs: outcome === CheckOutcome.Down ? null : 25,
    statusCode: outcome === CheckOutcome.Down ? null : 200,
    errorClass: null,
  };
}
