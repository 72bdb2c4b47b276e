import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SubscriptionRateLimitedError, SubscriptionRequestError, SubscriptionScopeNotFoundError } from '../subscriptions.errors';

/** 400 naming the fields, 404 for a scope that is not public, 429 with Retry-After. */
@Catch(SubscriptionRequestError, SubscriptionScopeNotFoundError, SubscriptionRateLimitedError)
export class SubscriptionsExceptionFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const send = (statusCode: number, body: Record<string, unknown>) => void reply.status(statusCode).send({ statusCode, ...body });
    if (error instanceof SubscriptionRequestError) {
      const first = error.problems[0] ? `: ${error.problems[0].field}: ${error.problems[0].message}` : '';
      return send(HttpStatus.BAD_REQUEST, { message: `Validation failed${first}`, errors: error.problems });
    }
    if (error instanceof SubscriptionRateLimitedError) {
      reply.header('retry-after', String(error.retryAfterS));
      return send(HttpStatus.TOO_MANY_REQUESTS, { message: error.message });
    }
    return send(HttpStatus.NOT_FOUND, { message: error.message });
  }
}
