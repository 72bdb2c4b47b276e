import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUDITED } from '../../../../apps/api/src/audit/audited.decorator';

/** A route as 'METHOD /path/:param' (the Nest router's own paths, global prefix applied). */
export type RouteKey = string;

/** Controllers the global prefix does not apply to (bootstrap.ts: setGlobalPrefix exclude). */
const UNPREFIXED = new Set(['metrics']);

const trim = (p: string) => p.replace(/^\/+|\/+$/g, '');

/**
 * Every HTTP route of every controller Nest mounted, read from the controllers' metadata (the
 * same metadata the router uses), so a route added anywhere shows up here.
 */
export function listNestRoutes(app: NestFastifyApplication): RouteKey[] {
  return [...inventory(app).keys()].sort();
}

/** Writes (not GET) whose handler has no @Audited: they must audit themselves or be machine endpoints. */
export function writesWithoutAuditedDecorator(app: NestFastifyApplication): RouteKey[] {
  return [...inventory(app)]
    .filter(([key, handler]) => !key.startsWith('GET ') && !Reflect.getMetadata(AUDITED, handler))
    .map(([key]) => key)
    .sort();
}

function inventory(app: NestFastifyApplication): Map<RouteKey, object> {
  const routes = new Map<RouteKey, object>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller?.prototype) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const b of base)
          for (const p of ([] as string[]).concat(paths)) {
            const prefix = UNPREFIXED.has(trim(b)) ? '' : 'api';
            routes.set(`${method} /${[prefix, trim(b), trim(p)].filter(Boolean).join('/')}`, handler);
          }
      }
    }
  }
  return routes;
}
