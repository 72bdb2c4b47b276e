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
 *   2. check roles: `primary` checks (what the citizen uses: http, heartbeat by default) decide;
 *      `diagnostic` checks (dns, tcp, tls by default) explain and can only degrade. A system
 *      with no primary check at all has its checks all decide (none is left without a voice).
 *   3. no primary check with a known status   -> null (no evidence about what citizens use)
 *   4. every known primary check in major_outage -> major_outage (diagnostics do not matter:
 *      DNS still answering does not make a dead service partial)
 *   5. some known primary checks in major_outage -> partial_outage
 *   6. otherwise the worst primary status, raised to degraded_performance when a known
 *      diagnostic check is not operational.
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

export type CheckRoleInput = 'primary' | 'diagnostic';

export interface CheckStatusInput {
  /** null when the check's status is unknown (all its regions abstain). */
  status: PublicStatus | null;
  /** Default 'primary'. */
  role?: CheckRoleInput;
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

export function rollupSystemStatus(input: SystemStatusInput): PublicStatus | null {
  if (input.maintenance) return 'under_maintenance';
  const anyPrimary = input.checks.some((c) => (c.role ?? 'primary') === 'primary');
  const decides = (c: CheckStatusInput) => !anyPrimary || (c.role ?? 'primary') === 'primary';
  const known = (c: CheckStatusInput): c is { status: PublicStatus; role?: CheckRoleInput } =>
    c.status !== null && c.status !== 'under_maintenance';
  const primary = input.checks.filter(decides).filter(known);
  if (primary.length === 0) return null;
  const major = primary.filter((c) => c.status === 'major_outage').length;
  if (major === primary.length) return 'major_outage';
  if (major > 0) return 'partial_outage';
  const base = worstStatus(primary.map((c) => c.status)) ?? 'operational';
  const diagnosticTrouble = input.checks
    .filter((c) => !decides(c))
    .filter(known)
    .some((c) => c.status !== 'operational');
  return diagnosticTrouble ? (worstStatus([base, 'degraded_performance']) ?? base) : base;
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
