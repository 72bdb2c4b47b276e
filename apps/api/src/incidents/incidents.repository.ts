import type { SqlExecutor } from '../database/sql-executor';
import type { IncidentEventRecord, IncidentRecord, NewAlertIntent, NewIncident, NewIncidentEvent } from './incident-record';
import { alertIntentKey } from './incident-record';
import type { IncidentStore } from './incident-store';

interface IncidentRow {
  id: string | number;
  system_id: number;
  agency_id: number;
  kind: IncidentRecord['kind'];
  root_incident_id: string | number | null;
  alertable: boolean;
  status: IncidentRecord['status'];
  severity: IncidentRecord['severity'];
  state: IncidentRecord['state'];
  public_state: IncidentRecord['publicState'];
  opened_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  recovered_at: Date | null;
  last_failure_at: Date;
  flapping: boolean;
  title_kk: string;
  title_ru: string;
  title_en: string;
  open_key: string;
  failure_kind: IncidentRecord['failureKind'];
  cause: IncidentRecord['cause'];
  confirmed_at: Date | null;
  first_failure_at: Date | null;
}

interface EventRow {
  id: string | number;
  incident_id: string | number;
  kind: IncidentEventRecord['kind'];
  at: Date;
  actor: string;
  data: Record<string, unknown>;
  idempotency_key: string | null;
}

const ms = (d: Date | null): number | null => (d === null ? null : new Date(d).getTime());
const ts = (v: number | null | undefined): Date | null =>
  v === null || v === undefined ? null : new Date(v);

export function toIncidentRecord(r: IncidentRow): IncidentRecord {
  return {
    id: Number(r.id),
    systemId: Number(r.system_id),
    agencyId: Number(r.agency_id),
    kind: r.kind,
    rootIncidentId: r.root_incident_id === null ? null : Number(r.root_incident_id),
    alertable: r.alertable,
    status: r.status,
    severity: r.severity,
    state: r.state,
    publicState: r.public_state,
    openedAt: ms(r.opened_at) as number,
    acknowledgedAt: ms(r.acknowledged_at),
    resolvedAt: ms(r.resolved_at),
    recoveredAt: ms(r.recovered_at),
    lastFailureAt: ms(r.last_failure_at) as number,
    flapping: r.flapping,
    title: { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
    openKey: r.open_key,
    failureKind: r.failure_kind,
    cause: r.cause,
    confirmedAt: ms(r.confirmed_at),
    firstFailureAt: ms(r.first_failure_at),
  };
}

function toEventRecord(r: EventRow): IncidentEventRecord {
  return {
    id: Number(r.id),
    incidentId: Number(r.incident_id),
    kind: r.kind,
    at: new Date(r.at).getTime(),
    actor: r.actor,
    data: r.data,
    idempotencyKey: r.idempotency_key,
  };
}

/** Patchable fields and their columns. */
const COLUMNS: Record<string, { column: string; cast: string; value: (v: unknown) => unknown }> = {
  kind: { column: 'kind', cast: 'text', value: (v) => v },
  rootIncidentId: { column: 'root_incident_id', cast: 'bigint', value: (v) => v },
  alertable: { column: 'alertable', cast: 'boolean', value: (v) => v },
  status: { column: 'status', cast: 'text', value: (v) => v },
  severity: { column: 'severity', cast: 'text', value: (v) => v },
  state: { column: 'state', cast: 'text', value: (v) => v },
  publicState: { column: 'public_state', cast: 'text', value: (v) => v },
  acknowledgedAt: { column: 'acknowledged_at', cast: 'timestamptz', value: (v) => ts(v as number | null) },
  resolvedAt: { column: 'resolved_at', cast: 'timestamptz', value: (v) => ts(v as number | null) },
  recoveredAt: { column: 'recovered_at', cast: 'timestamptz', value: (v) => ts(v as number | null) },
  lastFailureAt: { column: 'last_failure_at', cast: 'timestamptz', value: (v) => ts(v as number | null) },
  flapping: { column: 'flapping', cast: 'boolean', value: (v) => v },
  failureKind: { column: 'failure_kind', cast: 'text', value: (v) => v },
  cause: { column: 'cause', cast: 'jsonb', value: (v) => (v === null ? null : JSON.stringify(v)) },
};

/** The incident tables in SQL, bound to one executor (a transaction, or the pool). */
export class IncidentsRepository implements IncidentStore {
  constructor(private readonly sql: SqlExecutor) {}

  /** Unresolved incidents per agency and severity; `publicOnly`: of public systems only. */
  async openCounts(publicOnly: boolean): Promise<{ agency: string; severity: string; count: number }[]> {
    const rows = await this.sql.query<{ agency: string; severity: string; count: string }>(
      `SELECT a.code AS agency, i.severity, count(*) AS count
         FROM incidents i JOIN agencies a ON a.id = i.agency_id JOIN systems s ON s.id = i.system_id
        WHERE i.state <> 'resolved' AND (s.is_public OR NOT $1::boolean)
        GROUP BY a.code, i.severity`,
      [publicOnly],
    );
    return rows.map((r) => ({ agency: r.agency, severity: r.severity, count: Number(r.count) }));
  }

  async insertIncident(i: NewIncident): Promise<IncidentRecord | null> {
    const rows = await this.sql.query<IncidentRow>(
      `INSERT INTO incidents (system_id, agency_id, kind, root_incident_id, alertable, status, severity, state,
         public_state, opened_at, acknowledged_at, resolved_at, recovered_at, last_failure_at, flapping,
         title_kk, title_ru, title_en, open_key, failure_kind, cause, confirmed_at, first_failure_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
         $20, $21::jsonb, $22, $23)
       ON CONFLICT (open_key) DO NOTHING
       RETURNING *`,
      [
        i.systemId,
        i.agencyId,
        i.kind,
        i.rootIncidentId,
        i.alertable,
        i.status,
        i.severity,
        i.state,
        i.publicState,
        ts(i.openedAt),
        ts(i.acknowledgedAt),
        ts(i.resolvedAt),
        ts(i.recoveredAt),
        ts(i.lastFailureAt),
        i.flapping,
        i.title.kk,
        i.title.ru,
        i.title.en,
        i.openKey,
        i.failureKind,
        i.cause === null ? null : JSON.stringify(i.cause),
        ts(i.confirmedAt),
        ts(i.firstFailureAt),
      ],
    );
    return rows[0] ? toIncidentRecord(rows[0]) : null;
  }

  async updateIncident(id: number, patch: Partial<Omit<IncidentRecord, 'id'>>): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    if (patch.title)
      for (const lang of ['kk', 'ru', 'en'] as const) {
        params.push(patch.title[lang]);
        sets.push(`title_${lang} = $${params.length}::text`);
      }
    for (const [field, value] of Object.entries(patch)) {
      const col = COLUMNS[field];
      if (!col || value === undefined) continue;
      params.push(col.value(value));
      sets.push(`${col.column} = $${params.length}::${col.cast}`);
    }
    if (sets.length === 0) return;
    await this.sql.query(`UPDATE incidents SET ${sets.join(', ')} WHERE id = $1 RETURNING id`, params);
  }

  async getIncident(id: number, forUpdate = false): Promise<IncidentRecord | undefined> {
    const rows = await this.sql.query<IncidentRow>(
      `SELECT * FROM incidents WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toIncidentRecord(rows[0]) : undefined;
  }

  async latestForSystem(systemId: number): Promise<IncidentRecord | undefined> {
    const rows = await this.sql.query<IncidentRow>(
      'SELECT * FROM incidents WHERE system_id = $1 ORDER BY opened_at DESC, id DESC LIMIT 1',
      [systemId],
    );
    return rows[0] ? toIncidentRecord(rows[0]) : undefined;
  }

  async openSymptomsOf(rootId: number): Promise<IncidentRecord[]> {
    const rows = await this.sql.query<IncidentRow>(
      `SELECT * FROM incidents WHERE root_incident_id = $1 AND state <> 'resolved' ORDER BY id`,
      [rootId],
    );
    return rows.map(toIncidentRecord);
  }

  async recoveredBefore(before: number): Promise<IncidentRecord[]> {
    const rows = await this.sql.query<IncidentRow>(
      `SELECT * FROM incidents WHERE state <> 'resolved' AND recovered_at IS NOT NULL AND recovered_at <= $1
        ORDER BY recovered_at, id`,
      [new Date(before)],
    );
    return rows.map(toIncidentRecord);
  }

  async addEvent(e: NewIncidentEvent): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO incident_events (incident_id, kind, at, actor, data, idempotency_key)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [e.incidentId, e.kind, new Date(e.at), e.actor, JSON.stringify(e.data), e.idempotencyKey],
    );
    return rows.length > 0;
  }

  async addAlertIntent(intent: NewAlertIntent): Promise<void> {
    await this.sql.query(
      `INSERT INTO alert_intents (incident_id, transition, at, idempotency_key)
       VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING`,
      [intent.incidentId, intent.transition, new Date(intent.at), alertIntentKey(intent)],
    );
  }

  async events(incidentId: number): Promise<IncidentEventRecord[]> {
    const rows = await this.sql.query<EventRow>(
      'SELECT * FROM incident_events WHERE incident_id = $1 ORDER BY at, id',
      [incidentId],
    );
    return rows.map(toEventRecord);
  }

  /** A page of incidents, newest opened first; `after` is the last (openedAt, id) of the previous page. */
  async list(q: IncidentListFilter): Promise<IncidentListRow[]> {
    const rows = await this.sql.query<IncidentRow & { system_code: string; agency_code: string }>(
      `SELECT i.*, s.code AS system_code, a.code AS agency_code
         FROM incidents i JOIN systems s ON s.id = i.system_id JOIN agencies a ON a.id = i.agency_id
        WHERE ($1::text IS NULL OR a.code = $1)
          AND ($2::text IS NULL OR s.code = $2)
          AND ($3::text IS NULL OR i.state = $3)
          AND ($4::timestamptz IS NULL OR i.opened_at >= $4)
          AND ($5::timestamptz IS NULL OR i.opened_at < $5)
          AND ($6::timestamptz IS NULL OR (i.opened_at, i.id) < ($6::timestamptz, $7::bigint))
        ORDER BY i.opened_at DESC, i.id DESC
        LIMIT $8`,
      [
        q.agency ?? null,
        q.system ?? null,
        q.state ?? null,
        ts(q.from),
        ts(q.to),
        ts(q.after?.openedAt),
        q.after?.id ?? null,
        q.limit,
      ],
    );
    return rows.map((r) => ({
      incident: toIncidentRecord(r),
      systemCode: r.system_code,
      agencyCode: r.agency_code,
    }));
  }

  /** Unresolved incidents, and those resolved since `resolvedSince`, of one agency or all (newest first). */
  async current(q: { agency?: string; resolvedSince: number; limit: number }): Promise<IncidentListRow[]> {
    const rows = await this.sql.query<IncidentRow & { system_code: string; agency_code: string }>(
      `SELECT i.*, s.code AS system_code, a.code AS agency_code
         FROM incidents i JOIN systems s ON s.id = i.system_id JOIN agencies a ON a.id = i.agency_id
        WHERE (i.state <> 'resolved' OR i.resolved_at >= $2)
          AND ($1::text IS NULL OR a.code = $1)
        ORDER BY i.opened_at DESC, i.id DESC
        LIMIT $3`,
      [q.agency ?? null, new Date(q.resolvedSince), q.limit],
    );
    return rows.map((r) => ({
      incident: toIncidentRecord(r),
      systemCode: r.system_code,
      agencyCode: r.agency_code,
    }));
  }

  async findWithCodes(id: number): Promise<IncidentListRow | undefined> {
    const rows = await this.sql.query<IncidentRow & { system_code: string; agency_code: string }>(
      `SELECT i.*, s.code AS system_code, a.code AS agency_code
         FROM incidents i JOIN systems s ON s.id = i.system_id JOIN agencies a ON a.id = i.agency_id
        WHERE i.id = $1`,
      [id],
    );
    return rows[0]
      ? {
          incident: toIncidentRecord(rows[0]),
          systemCode: rows[0].system_code,
          agencyCode: rows[0].agency_code,
        }
      : undefined;
  }

  /** Root incidents of an agency or a system overlapping [from, to), for MTTA/MTTR/MTBF. */
  async forReliability(q: {
    agency?: string;
    system?: string;
    from: number;
    to: number;
  }): Promise<IncidentRecord[]> {
    const rows = await this.sql.query<IncidentRow>(
      `SELECT i.* FROM incidents i JOIN systems s ON s.id = i.system_id JOIN agencies a ON a.id = i.agency_id
        WHERE ($1::text IS NULL OR a.code = $1) AND ($2::text IS NULL OR s.code = $2)
          AND i.opened_at < $4 AND (i.resolved_at IS NULL OR i.resolved_at >= $3)
          AND ($2::text IS NOT NULL OR i.kind = 'root')
        ORDER BY i.opened_at`,
      [q.agency ?? null, q.system ?? null, new Date(q.from), new Date(q.to)],
    );
    return rows.map(toIncidentRecord);
  }
}

export interface IncidentListFilter {
  agency?: string;
  system?: string;
  state?: string;
  from?: number;
  to?: number;
  after?: { openedAt: number; id: number };
  limit: number;
}

export interface IncidentListRow {
  incident: IncidentRecord;
  systemCode: string;
  agencyCode: string;
}
