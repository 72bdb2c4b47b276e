import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, Role } from '@kuzet/contracts';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { decideAccess } from './access-decision';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import type { AuthenticatedRequest } from './authenticated-request';
import { cookieIsSecure, sessionCookie, sessionTokenOf } from './session-cookie';
import { sameSecret } from './session-token';
import { SessionService } from './session.service';

/**
 * The global guard (APP_GUARD): every route needs a live session unless @Public(); writes
 * authenticated by the cookie must carry the session's CSRF token in x-csrf-token; @Roles limits
 * who may call (see decideAccess). Agency scoping is AgencyScope's, inside the handlers.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate in their gateway
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const session = await this.sessions.resolve(sessionTokenOf(request.headers.cookie));
    if (session) {
      request.user = session.user;
      request.session = session;
      if (session.refreshed) this.reissueCookie(context, request, session.expiresAt);
    }
    const header = request.headers[CSRF_HEADER];
    const csrfHeader = Array.isArray(header) ? header[0] : header;
    const decision = decideAccess({
      isPublic,
      method: request.method,
      role: session?.user.role,
      allowed: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
      csrfHeader,
      csrfMatches: !!session && !!csrfHeader && sameSecret(csrfHeader, session.csrfToken),
    });
    if (decision === 'unauthenticated') throw new UnauthorizedException('sign in first');
    if (decision === 'csrf')
      throw new ForbiddenException(`missing or wrong ${CSRF_HEADER} header (the csrf_token of GET /api/auth/me)`);
    if (decision === 'forbidden') throw new ForbiddenException(`the role ${session!.user.role} may not do this`);
    return true;
  }

  /** The expiry slid: the cookie's Max-Age follows it. */
  private reissueCookie(context: ExecutionContext, request: AuthenticatedRequest, expiresAt: Date): void {
    const token = sessionTokenOf(request.headers.cookie)!;
    const secure = cookieIsSecure(this.config.auth.cookieSecure, request);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    reply.header('set-cookie', sessionCookie(token, expiresAt.getTime() - Date.now(), secure));
  }
}
