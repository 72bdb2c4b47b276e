import type { BoardIncident } from '@kuzet/contracts';
import type { IncidentRecord } from './incident-record';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** An incident as REST and the live board show it (without its timeline). */
export function incidentViewOf(i: IncidentRecord, codes: { system: string; agency: string }): BoardIncident {
  return {
    id: i.id,
    system: codes.system,
    agency: codes.agency,
    kind: i.kind,
    root_incident_id: i.rootIncidentId,
    alertable: i.alertable,
    status: i.status,
    severity: i.severity,
    state: i.state,
    public_state: i.publicState,
    opened_at: iso(i.openedAt) as string,
    acknowledged_at: iso(i.acknowledgedAt),
    resolved_at: iso(i.resolvedAt),
    recovered_at: iso(i.recoveredAt),
    last_failure_at: iso(i.lastFailureAt) as string,
    flapping: i.flapping,
    title: { kk: i.title.kk, ru: i.title.ru, en: i.title.en },
    failure_kind: i.failureKind,
    phase: i.state === 'resolved' ? 'resolved' : i.recoveredAt !== null ? 'recovering' : 'failing',
    cause: i.cause,
    confirmed_at: iso(i.confirmedAt),
    first_failure_at: iso(i.firstFailureAt),
  };
}
