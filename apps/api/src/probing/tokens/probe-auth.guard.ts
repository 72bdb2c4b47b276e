import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProbeTokenIdentity, ProbeTokensService } from './probe-tokens.service';

export type ProbeRequest = FastifyRequest & { probe?: ProbeTokenIdentity };

/** Bearer probe token -> region; 401 otherwise. The identity is left on the request. */
@Injectable()
export class ProbeAuthGuard implements CanActivate {
  constructor(private readonly tokens: ProbeTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ProbeRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const identity = match ? await this.tokens.verify(match[1]) : undefined;
    if (!identity) throw new UnauthorizedException('missing, unknown or revoked probe token');
    request.probe = identity;
    return true;
  }
}
