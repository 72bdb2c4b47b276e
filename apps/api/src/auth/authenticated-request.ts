import type { SessionUser } from '@kuzet/contracts';
import type { FastifyRequest } from 'fastify';
import type { ActiveSession } from './session.service';

/** A request after the session guard: the user and session when signed in. */
export interface AuthenticatedRequest extends FastifyRequest {
  user?: SessionUser;
  session?: ActiveSession;
}

/** The client address (Fastify honours X-Forwarded-For: the app trusts its proxy). */
export function clientAddress(request: Pick<FastifyRequest, 'ip'>): string | null {
  return request.ip || null;
}
