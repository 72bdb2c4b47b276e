import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientAddress } from '../auth/authenticated-request';
import type { FastPath } from '../web/fast-paths';
import { PUBLIC_CACHE_CONTROL, sendCached } from './http-cache';
import { PublicRateLimitGuard, tooManyRequests } from './public-rate-limit.guard';
import { PublicSnapshotService, type PublicSnapshot } from './public-snapshot.service';

/** The document citizens and their widgets poll hardest during an outage. */
export const FAST_STATUS_PATH = '/api/public/v1/status';

/**
 * `GET|HEAD /api/public/v1/status` (exactly: with a query string it goes the normal way) from the
 * snapshot in memory, with what the controller's guard and interceptor add: the public CORS
 * headers, the per-address rate limit, ETag/304 and the precompressed body. null when the
 * application has no public status module. A snapshot that cannot be built goes the normal way
 * (the controller's 503).
 */
export function publicStatusFastPath(app: NestFastifyApplication): FastPath | null {
  let snapshots: PublicSnapshotService;
  let limiter: PublicRateLimitGuard;
  try {
    snapshots = app.get(PublicSnapshotService, { strict: false });
    limiter = app.get(PublicRateLimitGuard, { strict: false });
  } catch {
    return null;
  }
  return {
    name: 'status',
    matches: (request: FastifyRequest) => request.url === FAST_STATUS_PATH,
    answer: async (request: FastifyRequest, reply: FastifyReply) => {
      // The public API's CORS (public-cors.interceptor.ts): readable and embeddable from any site.
      reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
      const retryAfter = await limiter.take(clientAddress(request));
      if (retryAfter > 0) {
        await reply.code(429).header('retry-after', String(retryAfter)).send(tooManyRequests(retryAfter));
        return true;
      }
      let snapshot: PublicSnapshot;
      try {
        snapshot = await snapshots.snapshot();
      } catch {
        return false;
      }
      await sendCached(request, reply, {
        body: snapshot.body,
        compressed: snapshot.compressed,
        etag: snapshot.etag,
        contentType: 'application/json; charset=utf-8',
        cacheControl: PUBLIC_CACHE_CONTROL,
      });
      return true;
    },
  };
}
