import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { CatalogModule } from '../../../../apps/api/src/catalog/catalog.module';
import { loadAppConfig } from '../../../../apps/api/src/config/app-config';
import { ConfigModule } from '../../../../apps/api/src/config/config.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../../../../apps/api/src/auth/auth.module';

/**
 * The catalog module as the application mounts it (Fastify, /api prefix, a TypeORM root with
 * autoLoadEntities as DatabaseModule has) on the given database; migrations were run by the
 * caller. A bare TypeORM root keeps these tests independent of the embedded-database machinery.
 * Settings override the environment. AuthModule guards the routes as in the app: sign in first
 * (test/support/auth-helpers signedInAdmin).
 */
export async function createCatalogTestApp(
  databaseUrl: string,
  settings: Record<string, string> = {},
): Promise<NestFastifyApplication> {
  const config = loadAppConfig(process.env, {
    DATABASE_URL: databaseUrl,
    KUZET_CATALOG_WATCH: 'false',
    KUZET_MIN_INTERVAL_S: '1',
    KUZET_PROBE_ALLOW: '127.0.0.0/8',
    KUZET_LOG_LEVEL: 'silent',
    KUZET_DEMO: 'false',
    ...settings,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      TypeOrmModule.forRoot({
        type: 'postgres',
        url: databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        poolSize: 4,
      }),
      CatalogModule,
      AuthModule,
    ],
  })
    .setLogger(false as never)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    new FastifyAdapter({ bodyLimit: 1024 * 1024 }),
    { logger: false },
  );
  app.setGlobalPrefix('api');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
