import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import type { FastPaths } from './fast-paths';
import { PUBLIC_PAGE_PATH, PUBLIC_PAGE_ROUTES } from './public-page-paths';
import { join } from 'node:path';
import { NullPublicPageData, PUBLIC_PAGE_DATA, type PublicPageData } from './public-page-data';
import { loadPublicSsr, PublicPageRenderer } from './public-page-renderer';
import { pickEncoding } from '../http/compressed-body';

/** Pages of the React app rendered only in the browser: each answers with index.html. */
const SPA_ROUTES = ['/board', '/board/*', '/admin', '/admin/*'];
/** Hashed file names never change content: cache for a year. Everything else revalidates. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

function pageData(app: NestFastifyApplication): PublicPageData {
  try {
    return app.get<PublicPageData>(PUBLIC_PAGE_DATA, { strict: false });
  } catch {
    return new NullPublicPageData();
  }
}

/**
 * Serves the built web app (apps/web/dist): hashed assets precompressed (brotli/gzip files made by
 * scripts/build.mjs) with a year's immutable cache; index.html and the public pages revalidate.
 * The public pages are server-rendered when the SSR entry was built (apps/web/dist-ssr), else
 * they get index.html like the board. With `fastPaths`, the rendered public pages are also answered
 * on the fast path (fast-paths.ts). Returns false when there is no build (API-only tests).
 */
export async function registerWebApp(app: NestFastifyApplication, webDist: string, fastPaths?: FastPaths): Promise<boolean> {
  if (!existsSync(join(webDist, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
      // The same URL answers brotli, gzip or plain: shared caches must key on the encoding.
      res.setHeader('vary', 'Accept-Encoding');
    },
  });
  for (const route of SPA_ROUTES) fastify.get(route, (_req, reply) => reply.sendFile('index.html'));

  const ssr = loadPublicSsr(join(webDist, '../dist-ssr/public-ssr.cjs'));
  if (!ssr) {
    for (const route of PUBLIC_PAGE_ROUTES) fastify.get(route, (_req, reply) => reply.sendFile('index.html'));
    return true;
  }
  const renderer = new PublicPageRenderer(join(webDist, 'index.html'), ssr, pageData(app));
  const renderPage = async (req: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(req.url, 'http://localhost');
    const rendered = await renderer.renderCached({
      path: url.pathname,
      search: url.search,
      cookie: req.headers.cookie,
      acceptLanguage: req.headers['accept-language'],
    });
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const body = await rendered.body(encoding);
    if (encoding !== 'identity') void reply.header('content-encoding', encoding);
    return reply
      .code(rendered.page.status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-language', rendered.page.lang)
      .header('cache-control', REVALIDATE_CACHE)
      .header('vary', 'Accept-Language, Cookie, Accept-Encoding')
      .send(body);
  };
  for (const route of PUBLIC_PAGE_ROUTES) fastify.get(route, renderPage);
  fastPaths?.add({
    name: 'page',
    // A NUL anywhere goes the normal way, whose request rules refuse it (400).
    matches: (req) => PUBLIC_PAGE_PATH.test(req.url.split('?')[0]) && !req.url.includes('%00'),
    answer: async (req, reply) => {
      await renderPage(req, reply);
      return true;
    },
  });
  return true;
}
