import type { IncidentCause } from '@kuzet/contracts/incidents/incident-cause';

/** "https: HTTP 503 (almaty, astana); dns: NXDOMAIN": what broke, where, in the probe's words. */
export function causeSummary(cause: IncidentCause | null | undefined, max = 3): string | null {
  if (!cause || cause.checks.length === 0) return null;
  const parts = cause.checks
    .slice(0, max)
    .map((c) => `${c.checkCode}: ${c.error}${c.regions.length > 0 ? ` (${c.regions.join(', ')})` : ''}`);
  const more = cause.checks.length - max;
  return more > 0 ? `${parts.join('; ')}; +${more}` : parts.join('; ');
}
