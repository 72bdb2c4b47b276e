import type { ReliabilityEvidence } from './scoring-evidence';
import type { Finding, RuleSource } from './system-score';
import { KUZET_RULES } from './rule-sources';
import { clamp, roundPoints } from './points';

/** Reliability's 35 points. */
export const RELIABILITY_POINTS = { availability: 20, mttr: 5, mtbf: 4, incidents: 3, degraded: 3 } as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Degraded this share of the time or more loses all the degraded points. */
const DEGRADED_SHARE_FOR_ZERO = 0.05;

/** Availability in "nines": 0.99 -> 2, 0.999 -> 3. */
function nines(fraction: number): number {
  return fraction >= 1 ? Infinity : -Math.log10(1 - fraction);
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(3).replace(/\.?0+$/, '')}%`;
}

function duration(ms: number): string {
  if (ms >= DAY_MS) return `${(ms / DAY_MS).toFixed(1)} d`;
  if (ms >= HOUR_MS) return `${(ms / HOUR_MS).toFixed(1)} h`;
  return `${Math.round(ms / 60_000)} min`;
}

/**
 * Share of the availability points kept: 1 at or above the SLO, falling with the nines lost,
 * 0 two nines below it (SLO 99.9%: 99% keeps half, 90% nothing).
 */
export function availabilityShare(availability: number, slo: number): number {
  if (availability >= slo) return 1;
  const target = nines(slo);
  return clamp((nines(availability) - (target - 2)) / 2, 0, 1);
}

/** DORA's time-to-restore bands: under an hour, a day, a week. */
export function mttrShare(mttrMs: number | null): number {
  if (mttrMs === null) return 1;
  if (mttrMs <= HOUR_MS) return 1;
  if (mttrMs <= DAY_MS) return 0.6;
  if (mttrMs <= 7 * DAY_MS) return 0.2;
  return 0;
}

export function mtbfShare(mtbfMs: number | null): number {
  if (mtbfMs === null) return 1;
  if (mtbfMs >= 7 * DAY_MS) return 1;
  if (mtbfMs >= DAY_MS) return 0.5;
  return 0;
}

export function incidentsShare(incidents: number): number {
  if (incidents <= 1) return 1;
  if (incidents <= 3) return 2 / 3;
  if (incidents <= 7) return 1 / 3;
  return 0;
}

function finding(rule: string, lost: number, reason: string, fix: string, fact: string, source: RuleSource): Finding {
  return { rule, component: 'reliability', pointsLost: roundPoints(lost), reason, fix, evidence: { fact }, source };
}

/** Reliability (35 points) over the window: availability vs the SLO 20, MTTR 5, MTBF 4, incidents 3, degraded share 3. */
export function reliabilityComponent(r: ReliabilityEvidence): { points: number; findings: Finding[] } {
  const P = RELIABILITY_POINTS;
  const window = `over ${r.windowDays} days`;
  const findings: Finding[] = [];
  if (r.availability === null) {
    findings.push(finding('reliability.no_data', P.availability, `no availability was measured ${window}`, 'Add a primary check (http or heartbeat) so availability is measured.', `availability unknown ${window}`, KUZET_RULES.missingEvidence));
  } else {
    const lost = P.availability * (1 - availabilityShare(r.availability, r.sloTarget));
    if (roundPoints(lost) > 0) {
      findings.push(finding('reliability.availability', lost, `availability ${percent(r.availability)} ${window} is below the SLO of ${percent(r.sloTarget)}`, 'Find and remove the causes of the outages (see the incidents); add redundancy.', `availability ${percent(r.availability)} ${window}, SLO ${percent(r.sloTarget)}, ${r.incidents} incidents`, KUZET_RULES.availability));
    }
  }
  const mttrLost = P.mttr * (1 - mttrShare(r.mttrMs));
  if (roundPoints(mttrLost) > 0 && r.mttrMs !== null) {
    findings.push(finding('reliability.mttr', mttrLost, `mean time to restore is ${duration(r.mttrMs)} (DORA: elite under an hour)`, 'Shorten recovery: runbooks, on-call, automated rollback and failover.', `MTTR ${duration(r.mttrMs)} ${window}`, KUZET_RULES.mttr));
  }
  const mtbfLost = P.mtbf * (1 - mtbfShare(r.mtbfMs));
  if (roundPoints(mtbfLost) > 0 && r.mtbfMs !== null) {
    findings.push(finding('reliability.mtbf', mtbfLost, `mean time between failures is ${duration(r.mtbfMs)} (full points from 7 days)`, 'Fix the recurring causes of failure.', `MTBF ${duration(r.mtbfMs)} ${window}`, KUZET_RULES.mtbf));
  }
  const incidentsLost = P.incidents * (1 - incidentsShare(r.incidents));
  if (roundPoints(incidentsLost) > 0) {
    findings.push(finding('reliability.incidents', incidentsLost, `${r.incidents} incidents ${window} (full points for at most 1)`, 'Fix the recurring causes of failure.', `${r.incidents} incidents ${window}`, KUZET_RULES.incidents));
  }
  const degradedLost = P.degraded * clamp(r.degradedShare / DEGRADED_SHARE_FOR_ZERO, 0, 1);
  if (roundPoints(degradedLost) > 0) {
    findings.push(finding('reliability.degraded', degradedLost, `degraded ${percent(r.degradedShare)} of the measured time ${window} (all points lost at ${percent(DEGRADED_SHARE_FOR_ZERO)})`, 'Find the slow dependency or the capacity limit behind the degradation.', `degraded share ${percent(r.degradedShare)} ${window}`, KUZET_RULES.degraded));
  }
  const lost = findings.reduce((sum, f) => sum + f.pointsLost, 0);
  return { points: roundPoints(35 - lost), findings };
}
