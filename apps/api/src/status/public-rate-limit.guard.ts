import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress } from '../auth/authenticated-request';
import { AppConfig } from '../config/app-config';

const DEFAULT_PER_MINUTE = 600;

/**
 * Requests per minute per client address on the public API (KUZET_PUBLIC_RATE_LIMIT). The
 * address is Fastify's request.ip, which honours KUZET_TRUST_PROXY. Per node, in memory: a
 * surge is absorbed by each node on its own.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(@Optional() config?: AppConfig) {
    const points = config?.publicApi.rateLimitPerMinute ?? DEFAULT_PER_MINUTE;
    this.limiter = new RateLimiterMemory({ points, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const retryAfter = await this.take(clientAddress(http.getRequest<FastifyRequest>()));
    if (retryAfter === 0) return true;
    void http.getResponse<FastifyReply>().header('Retry-After', String(retryAfter));
    throw new HttpException(tooManyRequests(retryAfter), HttpStatus.TOO_MANY_REQUESTS);
  }

  /** Counts one request from this client; the seconds it must wait when over the limit, else 0. */
  async take(address: string | null): Promise<number> {
    try {
      await this.limiter.consume(address ?? 'unknown');
      return 0;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    }
  }
}

/** The 429 body, the same from the guard and from the fast path. */
export function tooManyRequests(retryAfter: number): { statusCode: 429; error: string; message: string } {
  return { statusCode: 429, error: 'Too Many Requests', message: `too many requests: retry after ${retryAfter} s` };
}
