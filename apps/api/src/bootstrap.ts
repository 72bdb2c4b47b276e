import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { BootQuietLogger } from './logging/boot-quiet.logger';
import { setupOpenApi } from './openapi';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';
import { DataExceptionFilter } from './request-rules/data-exception.filter';
import { BODY_LIMIT_BYTES } from './request-rules/body-limit';
import { registerRequestRules } from './request-rules/request-rules';
import { publicStatusFastPath } from './status/public-status-fast-path';
import { FastPaths } from './web/fast-paths';
import { registerSecurityHeaders } from './web/security-headers';
import { registerWebApp } from './web/web-static';

/** apps/web/dist, from either the compiled (dist/apps/api/src) or the source (apps/api/src) tree. */
function findWebDist(): string {
  const candidates = [resolve(__dirname, '../../../../apps/web/dist'), resolve(__dirname, '../../web/dist')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}

/** Builds the whole application: used by main.ts and by the e2e tests, which listen on port 0. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  // X-Forwarded-For is believed only from the configured proxies (off: the socket address).
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: config.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(BootQuietLogger));
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, { redisUrl: config.realtime.redisUrl, redisKey: config.realtime.redisKey }));
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  // First of all request hooks: the surge path answers before helmet, middleware and logging.
  const fastPaths = new FastPaths(app.getHttpAdapter().getInstance());
  const status = publicStatusFastPath(app);
  if (status) fastPaths.add(status);
  await registerSecurityHeaders(app);
  registerRequestRules(app);
  app.useGlobalFilters(new DataExceptionFilter(app.getHttpAdapter()));
  setupOpenApi(app);
  await registerWebApp(app, findWebDist(), fastPaths);
  return app;
}

/**
 * Listens, and on SIGINT/SIGTERM closes the application (every shutdown hook: jobs, connections,
 * the demo simulator, the embedded PostgreSQL last) and exits 0. A second signal exits at once.
 */
export async function startApi(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createApp(config);
  const logger = app.get(Logger);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.log({ msg: 'kuzet stopping', signal });
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ msg: 'kuzet did not stop cleanly', err: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    // Release what already started (embedded PostgreSQL, the demo simulator) before failing.
    await app.close();
    throw error;
  }
  logger.log({ msg: 'kuzet listening', url: `http://${config.host}:${config.port}`, demo: config.demo });
  return app;
}
