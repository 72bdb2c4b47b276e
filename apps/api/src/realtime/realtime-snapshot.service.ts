import { Injectable } from '@nestjs/common';
import type { BoardIncident, PublicSnapshot, SystemStatusView } from '@kuzet/contracts';
import { DetectionStatusService } from '../detection/detection-status.service';
import type { IncidentView } from '../incidents/http/incidents.dto';
import { IncidentsReadService } from '../incidents/incidents-read.service';
import { RealtimeCatalog } from './realtime-catalog.service';
import { toPublicIncident, toPublicSystemStatus } from './realtime-projections';

/** Resolved incidents stay on a fresh board for this long. */
export const RECENTLY_RESOLVED_MS = 3_600_000;

function fromIncidentView(v: IncidentView): BoardIncident {
  return {
    id: v.id,
    system: v.system,
    agency: v.agency,
    kind: v.kind,
    root_incident_id: v.root_incident_id,
    alertable: v.alertable,
    status: v.status,
    severity: v.severity,
    state: v.state,
    public_state: v.public_state,
    opened_at: v.opened_at,
    acknowledged_at: v.acknowledged_at,
    resolved_at: v.resolved_at,
    recovered_at: v.recovered_at,
    last_failure_at: v.last_failure_at,
    flapping: v.flapping,
    title: v.title,
    failure_kind: v.failure_kind,
    phase: v.phase,
    cause: v.cause,
    confirmed_at: v.confirmed_at,
    first_failure_at: v.first_failure_at,
  };
}

/** The state a client draws from nothing: current system statuses and the incidents that matter now. */
@Injectable()
export class RealtimeSnapshotService {
  constructor(
    private readonly statuses: DetectionStatusService,
    private readonly incidents: IncidentsReadService,
    private readonly catalog: RealtimeCatalog,
  ) {}

  /** Everything, or one agency's part for its operators. */
  async board(agency: string | null): Promise<{ systems: SystemStatusView[]; incidents: BoardIncident[] }> {
    const [systems, incidents] = await Promise.all([
      this.statuses.systems(agency ?? undefined),
      this.incidents.current(agency ?? undefined, RECENTLY_RESOLVED_MS),
    ]);
    return {
      systems: systems.map((s) => ({ ...s, status: s.status ?? null })),
      incidents: incidents.map(fromIncidentView),
    };
  }

  /** The public projection: public systems only, public fields only. */
  async public(): Promise<Pick<PublicSnapshot, 'systems' | 'incidents'>> {
    const board = await this.board(null);
    await this.catalog.ensureLoaded();
    const isPublic = (code: string) => this.catalog.isPublic(code);
    return {
      systems: board.systems.filter((s) => isPublic(s.system)).map(toPublicSystemStatus),
      incidents: board.incidents.filter((i) => isPublic(i.system)).map(toPublicIncident),
    };
  }
}
