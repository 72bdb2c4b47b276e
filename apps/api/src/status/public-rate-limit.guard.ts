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
    const key = clientAddress(http.getRequest<FastifyRequest>()) ?? 'unknown';
    try {
      await this.limiter.consume(key);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      void http.getResponse<FastifyReply>().header('Retry-After', String(retryAfter));
      throw new HttpException(
        { statusCode: 429, error: 'Too Many Requests', message: `too many requests: retry after ${retryAfter} s` },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
