import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../../../apps/api/src/bootstrap';
import { loadAppConfig } from '../../../../apps/api/src/config/app-config';
import { createDedicatedDatabase, openDataSource } from '../../ingest/support/ingest-harness';

export interface AuthTestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  url: string;
  close: () => Promise<void>;
}

/** The whole application on an existing migrated database (to restart on the same data). */
export async function createAuthApp(databaseUrl: string, settings: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const config = loadAppConfig(
    {},
    {
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      KUZET_DEMO: 'false',
      KUZET_EMBEDDED_AGENT: 'false',
      KUZET_CATALOG_WATCH: 'false',
      KUZET_INCIDENT_SWEEP_S: '0',
      KUZET_LOG_LEVEL: 'silent',
      ...settings,
    },
  );
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * The whole API application (createApp, as main.ts builds it) on a dedicated migrated database,
 * without demo, catalog folder or embedded probe agent unless settings say otherwise.
 * `before` runs on the database before the app starts (e.g. seeding a catalog).
 */
export async function startAuthTestApp(
  settings: Record<string, string> = {},
  before?: (ds: DataSource) => Promise<void>,
): Promise<AuthTestApp> {
  const db = await createDedicatedDatabase();
  const ds = await openDataSource(db.url);
  try {
    if (before) await before(ds);
    const app = await createAuthApp(db.url, settings);
    return {
      app,
      ds,
      url: db.url,
      close: async () => {
        await app.close();
        await ds.destroy();
        await db.drop();
      },
    };
  } catch (error) {
    await ds.destroy();
    await db.drop();
    throw error;
  }
}
