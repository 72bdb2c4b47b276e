import type { Role } from '@kuzet/contracts';

export type AccessDecision = 'allow' | 'unauthenticated' | 'csrf' | 'forbidden';

export interface AccessFacts {
  isPublic: boolean;
  method: string;
  /** The role of the session; undefined without one. */
  role: Role | undefined;
  /** Roles the route allows (from @Roles); undefined when it declares none. */
  allowed: readonly Role[] | undefined;
  /** The x-csrf-token header and the session's token. */
  csrfHeader: string | undefined;
  csrfMatches: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWrite(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The guard's decision as a pure function (unit-tested on its own). */
export function decideAccess(f: AccessFacts): AccessDecision {
  if (f.isPublic) return 'allow';
  if (!f.role) return 'unauthenticated';
  const write = isWrite(f.method);
  if (write && !f.csrfMatches) return 'csrf';
  const allowed = f.allowed ?? (write ? ['admin'] : undefined);
  if (allowed && !allowed.includes(f.role)) return 'forbidden';
  return 'allow';
}
