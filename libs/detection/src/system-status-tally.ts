/**
 * A system's roll-up kept as counts, so that a check changing status updates it in O(1) and
 * reading the system's status does not look at its checks: the same answer as
 * rollupSystemStatus over the same checks (maintenance aside, which the caller applies).
 *
 * The roles are fixed by the catalog: `add` a check once with its first status, then `move` it
 * on each change of status or flapping flag, `remove` it when it leaves.
 */
import type { PublicStatus } from '@kuzet/contracts';
import type { CheckRoleInput } from './status-rollup';

/** Counted statuses; null (unknown) and under_maintenance are not known evidence. */
const KNOWN: readonly PublicStatus[] = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'];
const SLOTS = KNOWN.length + 1;
const UNCOUNTED = KNOWN.length;

function slot(status: PublicStatus | null): number {
  if (status === null || status === 'under_maintenance') return UNCOUNTED;
  return KNOWN.indexOf(status);
}

export interface TalliedCheck {
  status: PublicStatus | null;
  role: CheckRoleInput;
  flapping: boolean;
}

export class SystemStatusTally {
  /** counts[role * SLOTS + slot]: role 0 primary, 1 diagnostic. */
  private readonly counts: Int32Array;
  private flappingChecks: number;

  constructor(from?: SystemStatusTally) {
    this.counts = from ? Int32Array.from(from.counts) : new Int32Array(2 * SLOTS);
    this.flappingChecks = from?.flappingChecks ?? 0;
  }

  clone(): SystemStatusTally {
    return new SystemStatusTally(this);
  }

  add(check: TalliedCheck): void {
    this.count(check, 1);
  }

  remove(check: TalliedCheck): void {
    this.count(check, -1);
  }

  move(before: TalliedCheck, after: TalliedCheck): void {
    this.count(before, -1);
    this.count(after, 1);
  }

  /** Number of checks counted. */
  get size(): number {
    let n = 0;
    for (const c of this.counts) n += c;
    return n;
  }

  /** True when one of the checks flaps. */
  get flapping(): boolean {
    return this.flappingChecks > 0;
  }

  /** The system's status from its checks: rollupSystemStatus without maintenance. */
  status(): PublicStatus | null {
    const primaries = this.roleTotal(0);
    // with no primary check at all, every check decides
    const decides = primaries > 0 ? [0] : [0, 1];
    const known = (status: PublicStatus) => decides.reduce((n, r) => n + this.counts[r * SLOTS + slot(status)], 0);
    let knownTotal = 0;
    let worst: PublicStatus | null = null;
    for (const status of KNOWN) {
      const n = known(status);
      knownTotal += n;
      if (n > 0) worst = status;
    }
    if (knownTotal === 0) return null;
    const major = known('major_outage');
    if (major === knownTotal) return 'major_outage';
    if (major > 0) return 'partial_outage';
    const base = worst ?? 'operational';
    if (primaries === 0) return base;
    let diagnosticTrouble = false;
    for (const status of KNOWN)
      if (status !== 'operational' && this.counts[SLOTS + slot(status)] > 0) diagnosticTrouble = true;
    return diagnosticTrouble && base === 'operational' ? 'degraded_performance' : base;
  }

  private roleTotal(role: number): number {
    let n = 0;
    for (let s = 0; s < SLOTS; s++) n += this.counts[role * SLOTS + s];
    return n;
  }

  private count(check: TalliedCheck, sign: 1 | -1): void {
    this.counts[(check.role === 'diagnostic' ? SLOTS : 0) + slot(check.status)] += sign;
    if (check.flapping) this.flappingChecks += sign;
  }
}
