import { HeadersOutdatedFault } from '../faults/fault.types';
import { Persona } from '../fleet/fleet.types';

/**
 * The software-revealing and security headers a persona sends, which the tech-debt scorer
 * grades. HSTS goes on HTTPS responses only: browsers ignore it over plain HTTP (RFC 6797 §8.1),
 * and real servers configured properly do the same.
 */
export function personaHeaders(
  persona: Persona,
  secure: boolean,
  outdated?: HeadersOutdatedFault,
): Record<string, string> {
  if (outdated) {
    // An outdated stack: old Server / X-Powered-By and no modern security headers at all.
    return { ...outdated.headers };
  }
  const headers: Record<string, string> = { Server: persona.server };
  if (persona.poweredBy) headers['X-Powered-By'] = persona.poweredBy;
  if (persona.aspnetVersion) headers['X-AspNet-Version'] = persona.aspnetVersion;
  if (persona.hsts && secure) headers['Strict-Transport-Security'] = persona.hsts;
  if (persona.csp) headers['Content-Security-Policy'] = persona.csp;
  return headers;
}
