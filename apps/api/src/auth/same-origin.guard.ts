import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isForeignOrigin } from './login-origin';

/** Refuses a request sent by a page of another site (login CSRF): 403 naming the Origin rule. */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (isForeignOrigin(request.headers))
      throw new ForbiddenException('sign-in from another site is refused: the Origin header must name this host');
    return true;
  }
}
