/**
 * Status roll-up: check -> system -> agency, in the public vocabulary.
 *
 * Check status from its quorum verdict (checkStatusFromVerdict):
 *   up -> operational, degraded -> degraded_performance, down -> major_outage,
 *   regional -> degraded_performance (a warning: some citizens may be affected, never an
 *   outage), unknown -> null (no evidence; the check does not take part in the roll-up).
 *
 * System status (rollupSystemStatus), first match wins:
 *   1. maintenance active                     -> under_maintenance (overrides everything)
 *   2. no check with a known status           -> null (no data; the caller shows it as such)
 *   3. each check contributes its status; a 'minor' check is capped at partial_outage
 *      (a minor check in major_outage contributes partial_outage). Criticality defaults to
 *      'critical'.
 *   4. major_outage only when there is at least one known critical check and EVERY known
 *      critical check is in major_outage (minor checks do not matter then: the essential
 *      function is gone).
 *   5. some but not all critical checks in major_outage -> partial_outage ("several checks,
 *      some failing").
 *   6. otherwise the worst contribution (partial_outage / degraded_performance / operational).
 *
 * Agency status (rollupAgencyStatus), over its systems with a known status:
 *   1. no system with a known status           -> null
 *   2. every known system under_maintenance    -> under_maintenance; otherwise systems under
 *      maintenance are left out of the rest.
 *   3. a 'critical'-tier system in major_outage -> major_outage
 *   4. every remaining system in major_outage   -> major_outage (the whole agency is out)
 *   5. any system in major_outage or partial_outage -> partial_outage (a non-critical system's
 *      major outage caps at partial for the agency)
 *   6. any degraded_performance -> degraded_performance, else operational.
 */
import type { PublicStatus, SystemTier } from '@kuzet/contracts';
import type { QuorumVerdict } from './region-quorum';
import { worstStatus } from './status-severity';

export type CheckCriticality = 'critical' | 'minor';

export interface CheckStatusInput {
  /** null when the check's status is unknown (all its regions abstain). */
  status: PublicStatus | null;
  criticality?: CheckCriticality;
}

export interface SystemStatusInput {
  checks: readonly CheckStatusInput[];
  maintenance?: boolean;
}

export interface AgencySystemInput {
  status: PublicStatus | null;
  tier: SystemTier;
}

export function checkStatusFromVerdict(verdict: QuorumVerdict): PublicStatus | null {
  switch (verdict) {
    case 'up':
      return 'operational';
    case 'degraded':
    case 'regional':
      return 'degraded_performance';
    case 'down':
      return 'major_outage';
    case 'unknown':
      return null;
  }
}

/** A check's contribution to its system: minor checks never exceed partial_outage. */
export function capByCriticality(
  status: PublicStatus,
  criticality: CheckCriticality = 'critical',
): PublicStatus {
  if (criticality === 'minor' && status === 'major_outage') return 'partial_outage';
  return status;
}

export function rollupSystemStatus(input: SystemStatusInput): PublicStatus | null {
  if (input.maintenance) return 'under_maintenance';
  const known = input.checks.filter(
    (c): c is { status: PublicStatus; criticality?: CheckCriticality } =>
      c.status !== null && c.status !== 'under_maintenance',
  );
  if (known.length === 0) return null;
  const critical = known.filter((c) => (c.criticality ?? 'critical') === 'critical');
  const criticalMajor = critical.filter((c) => c.status === 'major_outage').length;
  if (critical.length > 0 && criticalMajor === critical.length) return 'major_outage';
  if (criticalMajor > 0) return 'partial_outage';
  // No critical check is in major_outage here and minor ones are capped: at worst partial.
  return worstStatus(known.map((c) => capByCriticality(c.status, c.criticality))) ?? 'operational';
}

export function rollupAgencyStatus(systems: readonly AgencySystemInput[]): PublicStatus | null {
  const known = systems.filter((s): s is { status: PublicStatus; tier: SystemTier } => s.status !== null);
  if (known.length === 0) return null;
  const active = known.filter((s) => s.status !== 'under_maintenance');
  if (active.length === 0) return 'under_maintenance';
  if (active.some((s) => s.tier === 'critical' && s.status === 'major_outage')) return 'major_outage';
  if (active.every((s) => s.status === 'major_outage')) return 'major_outage';
  if (active.some((s) => s.status === 'major_outage' || s.status === 'partial_outage'))
    return 'partial_outage';
  if (active.some((s) => s.status === 'degraded_performance')) return 'degraded_performance';
  return 'operational';
}
