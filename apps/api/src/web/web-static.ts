import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Pages of the React app; each answers with index.html and the client renders the view. */
const SPA_ROUTES = ['/status', '/board', '/board/*', '/admin', '/admin/*'];

/**
 * Serves the built web app (apps/web/dist) at "/" with a fallback to index.html for the client-side
 * routes. Returns false when there is no build, so the API still runs (e.g. in API-only tests).
 */
export async function registerWebApp(app: NestFastifyApplication, webDist: string): Promise<boolean> {
  if (!existsSync(join(webDist, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  for (const route of SPA_ROUTES) fastify.get(route, (_req, reply) => reply.sendFile('index.html'));
  return true;
}
