import type { SessionUser } from '@kuzet/contracts';
import type { FastifyRequest } from 'fastify';
import type { ActiveSession } from './session.service';

/** A request after the session guard: the user and session when signed in. */
export interface AuthenticatedRequest extends FastifyRequest {
  user?: SessionUser;
  session?: ActiveSession;
}

/** The client address: the socket's, or X-Forwarded-For's when it came from a trusted proxy (KUZET_TRUST_PROXY). */
export function clientAddress(request: Pick<FastifyRequest, 'ip'>): string | null {
  return request.ip || null;
}
