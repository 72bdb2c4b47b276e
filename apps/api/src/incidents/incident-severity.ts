import type { PublicStatus, SystemTier } from '@kuzet/contracts';

/**
 * Severity from the system's tier and its status (sev1 is the worst):
 *
 *   tier \ status   major_outage  partial_outage  degraded_performance
 *   critical        sev1          sev2            sev3
 *   high            sev2          sev3            sev4
 *   normal          sev3          sev4            sev4
 *   internal        sev4          sev4            sev4
 *
 * operational / under_maintenance (an incident that is recovering, or flapping) keep sev4.
 */
export const INCIDENT_SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

const TIER_RANK: Record<SystemTier, number> = { critical: 0, high: 1, normal: 2, internal: 3 };
const STATUS_RANK: Partial<Record<PublicStatus, number>> = {
  major_outage: 0,
  partial_outage: 1,
  degraded_performance: 2,
};

export function incidentSeverity(tier: SystemTier, status: PublicStatus): IncidentSeverity {
  const s = STATUS_RANK[status];
  if (s === undefined) return 'sev4';
  return INCIDENT_SEVERITIES[Math.min(3, TIER_RANK[tier] + s)];
}
