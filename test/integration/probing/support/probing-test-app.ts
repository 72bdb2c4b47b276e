import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DynamicModule, ModuleMetadata } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { startSimulator, SimulatorHandle } from '@kuzet/simulator';
import { CatalogService } from '../../../../apps/api/src/catalog/catalog.service';
import { loadAppConfig } from '../../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../../apps/api/src/config/config.module';
import { DatabaseModule } from '../../../../apps/api/src/database/database.module';
import { SQL_EXECUTOR, SqlExecutor } from '../../../../apps/api/src/database/sql-executor';
import { MetricsModule } from '../../../../apps/api/src/metrics/metrics.module';
import { ProbingModule } from '../../../../apps/api/src/probing/probing.module';
import type { ProbingOptions } from '../../../../apps/api/src/probing/probing.options';
import { createCatalogTestDatabase } from '../../catalog/support/catalog-test-database';
import { AuthModule } from '../../../../apps/api/src/auth/auth.module';

export interface ProbingTestEnv {
  app: NestFastifyApplication;
  baseUrl: string;
  port: number;
  db: SqlExecutor;
  sim: SimulatorHandle | undefined;
  catalogDir: string;
  tmp: string;
  close(): Promise<void>;
}

export const quietPino = () => pino({ level: process.env.PROBE_LOG ?? 'silent' });

/**
 * A Fastify Nest app with the probing module (and what it needs) on a database of this file's own,
 * a simulator of a few systems at 1 s intervals, and its catalog loaded.
 */
export async function startProbingTestEnv(options: {
  probing?: Partial<ProbingOptions>;
  systems?: string[];
  extraCatalog?: Record<string, string>;
  simulator?: boolean;
  /** More modules to mount (e.g. HealthModule.forRoot()), or a function of the probing module (to share its instance). */
  imports?: ModuleMetadata['imports'] | ((probing: DynamicModule) => ModuleMetadata['imports']);
  /** Providers to replace (e.g. a clock). */
  overrides?: { provide: unknown; useValue: unknown }[];
  /** Runs after the catalog is loaded, before the app (and its embedded agent) starts. */
  beforeStart?: (db: SqlExecutor) => Promise<void>;
}): Promise<ProbingTestEnv> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'kuzet-probing-'));
  const catalogDir = path.join(tmp, 'catalog');
  const database = await createCatalogTestDatabase();
  const sim =
    options.simulator === false
      ? undefined
      : await startSimulator({
          controlPort: 0,
          systems: options.systems ?? ['egov-portal', 'gbd-fl'],
          catalogDir,
          intervalS: 1,
          logger: quietPino(),
        });
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(catalogDir, { recursive: true });
  for (const [name, content] of Object.entries(options.extraCatalog ?? {})) writeFileSync(path.join(catalogDir, name), content);
  const config = loadAppConfig(process.env, {
    DATABASE_URL: database.url,
    KUZET_DATA_DIR: path.join(tmp, 'data'),
    KUZET_CATALOG_WATCH: 'false',
    KUZET_MIN_INTERVAL_S: '1',
    KUZET_PROBE_ALLOW: '127.0.0.0/8',
    KUZET_LOG_LEVEL: 'silent',
    KUZET_DEMO: 'false',
  });
  const probing = ProbingModule.forRoot(options.probing);
  const imports = typeof options.imports === 'function' ? options.imports(probing) : options.imports;
  const builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ScheduleModule.forRoot(),
      DatabaseModule.forRoot(),
      MetricsModule,
      probing,
      AuthModule,
      ...(imports ?? []),
    ],
  });
  for (const o of options.overrides ?? []) builder.overrideProvider(o.provide).useValue(o.useValue);
  const moduleRef = await builder
    .setLogger(process.env.PROBE_LOG ? (undefined as never) : (false as never))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: 4 * 1024 * 1024 }), {
    logger: process.env.PROBE_LOG ? undefined : false,
  });
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  await app.get(CatalogService).loadFromFolder(catalogDir);
  await options.beforeStart?.(app.get(SQL_EXECUTOR));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    port: address.port,
    baseUrl: `http://127.0.0.1:${address.port}`,
    db: app.get(SQL_EXECUTOR),
    sim,
    catalogDir,
    tmp,
    async close() {
      await app.close();
      await sim?.stop();
      await database.drop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function probedCheckIds(db: SqlExecutor): Promise<number[]> {
  const rows = await db.query<{ id: number }>(`SELECT id FROM checks WHERE kind <> 'heartbeat' AND enabled ORDER BY id`);
  return rows.map((r) => Number(r.id));
}
