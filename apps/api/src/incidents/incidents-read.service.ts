import { Injectable } from '@nestjs/common';
import { reliabilityMetrics } from '@kuzet/detection';
import { DataSource } from 'typeorm';
import { dataSourceExecutor } from '../database/sql-executor';
import { DetectionClock } from '../detection/detection-clock';
import type {
  IncidentDetail,
  IncidentPage,
  IncidentsQuery,
  IncidentView,
  ReliabilityQuery,
  ReliabilityView,
} from './http/incidents.dto';
import type { IncidentEventRecord } from './incident-record';
import { IncidentNotFoundError, IncidentsRequestError } from './incidents.errors';
import { IncidentListRow, IncidentsRepository } from './incidents.repository';
import { incidentViewOf } from './incident-view';

const DEFAULT_RELIABILITY_RANGE_MS = 30 * 86_400_000;

export function toIncidentView(r: IncidentListRow): IncidentView {
  return incidentViewOf(r.incident, { system: r.systemCode, agency: r.agencyCode });
}

function toEventView(e: IncidentEventRecord) {
  return { id: e.id, kind: e.kind, at: new Date(e.at).toISOString(), actor: e.actor, data: e.data };
}

/** Reads for /api/incidents and /api/reliability. */
@Injectable()
export class IncidentsReadService {
  private readonly repo: IncidentsRepository;

  constructor(
    dataSource: DataSource,
    private readonly clock: DetectionClock,
  ) {
    this.repo = new IncidentsRepository(dataSourceExecutor(dataSource));
  }

  async list(q: IncidentsQuery): Promise<IncidentPage> {
    const from = q.from === undefined ? undefined : Date.parse(q.from);
    const to = q.to === undefined ? undefined : Date.parse(q.to);
    if (from !== undefined && to !== undefined && to <= from)
      throw new IncidentsRequestError([{ field: 'to', message: 'must be after from' }]);
    let after: { openedAt: number; id: number } | undefined;
    if (q.cursor) {
      const [openedAt, id] = q.cursor.split('_').map(Number);
      after = { openedAt, id };
    }
    const rows = await this.repo.list({
      agency: q.agency,
      system: q.system,
      state: q.state,
      from,
      to,
      after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toIncidentView),
      next_cursor: rows.length > q.limit && last ? `${last.incident.openedAt}_${last.incident.id}` : null,
    };
  }

  /**
   * What a live board starts from: open and acknowledged incidents, and those resolved in the
   * last `resolvedWithinMs`, of one agency or all (the real-time snapshot).
   */
  async current(agency: string | undefined, resolvedWithinMs: number, limit = 5000): Promise<IncidentView[]> {
    const rows = await this.repo.current({
      agency,
      resolvedSince: this.clock.now() - resolvedWithinMs,
      limit,
    });
    return rows.map(toIncidentView);
  }

  async detail(id: number): Promise<IncidentDetail> {
    const row = await this.repo.findWithCodes(id);
    if (!row) throw new IncidentNotFoundError(id);
    const events = await this.repo.events(id);
    return { ...toIncidentView(row), timeline: events.map(toEventView) };
  }

  /** MTTA/MTTR/MTBF of an agency's root incidents, or of one system's incidents, over [from, to). */
  async reliability(q: ReliabilityQuery): Promise<ReliabilityView> {
    const to = q.to === undefined ? this.clock.now() : Date.parse(q.to);
    const from = q.from === undefined ? to - DEFAULT_RELIABILITY_RANGE_MS : Date.parse(q.from);
    if (to <= from) throw new IncidentsRequestError([{ field: 'to', message: 'must be after from' }]);
    const incidents = await this.repo.forReliability({ agency: q.agency, system: q.system, from, to });
    const m = reliabilityMetrics(incidents, { from, to });
    return {
      agency: q.agency ?? null,
      system: q.system ?? null,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      count: m.count,
      mtta_ms: m.mttaMs,
      mttr_ms: m.mttrMs,
      mtbf_ms: m.mtbfMs,
      downtime_ms: m.downtimeMs,
    };
  }
}
