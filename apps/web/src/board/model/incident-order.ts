import type { BoardIncident } from '@kuzet/contracts/realtime/realtime-events';

const SEVERITY_RANK: Record<BoardIncident['severity'], number> = { sev1: 0, sev2: 1, sev3: 2, sev4: 3 };

/** The alarm rings for these: sev1 is a critical-tier system in major outage. */
export const isCritical = (i: Pick<BoardIncident, 'severity'>): boolean => i.severity === 'sev1';

/** Board order: unresolved first, root causes before symptoms, then severity, then newest opened. */
export function compareIncidents(a: BoardIncident, b: BoardIncident): number {
  const active = Number(a.state === 'resolved') - Number(b.state === 'resolved');
  if (active !== 0) return active;
  const kind = Number(a.kind === 'symptom') - Number(b.kind === 'symptom');
  if (kind !== 0) return kind;
  const sev = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (sev !== 0) return sev;
  const opened = b.opened_at.localeCompare(a.opened_at);
  return opened !== 0 ? opened : b.id - a.id;
}

