import { Injectable } from '@nestjs/common';
import type { LocalizedText, PublicStatus, PublicUpdate } from '@kuzet/contracts';
import { DataSource } from 'typeorm';

/** A public system's catalog facts and current status (enabled and is_public only). */
export interface PublicSystemRow {
  id: number;
  code: string;
  name: LocalizedText;
  agency: string;
  category: string | null;
  status: PublicStatus | null;
  statusSince: string | null;
}

export interface NamedRow {
  code: string;
  name: LocalizedText;
}

export interface PublicWindowRow {
  code: string;
  title: LocalizedText;
  timezone: string;
  startsAt: number | null;
  endsAt: number | null;
  recurrence: string | null;
  startTime: string | null;
  durationMs: number | null;
  systems: string[];
}

/** An incident of a public system with only the columns that may be shown. */
export interface PublicIncidentRow {
  id: number;
  system: string;
  agency: string;
  title: LocalizedText;
  status: PublicStatus;
  publicState: PublicUpdate['public_state'];
  openedAt: Date;
  resolvedAt: Date | null;
}

export interface IncidentCursor {
  openedAt: string;
  id: number;
}

interface NamesColumns {
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
}

const names = (r: { name_kk: string; name_ru: string; name_en: string }): LocalizedText => ({
  kk: r.name_kk,
  ru: r.name_ru,
  en: r.name_en,
});

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

// Every incident query is joined to public, enabled systems here, so a non-public system's
// incident cannot be read through any public route.
const INCIDENT_SELECT = `SELECT i.id, s.code AS system, a.code AS agency, i.title_kk, i.title_ru, i.title_en,
       i.status, i.public_state, i.opened_at, i.resolved_at
  FROM incidents i JOIN systems s ON s.id = i.system_id JOIN agencies a ON a.id = s.agency_id
 WHERE s.is_public AND s.enabled`;

/** Every read of the public API: explicit SQL, public systems and public columns only. */
@Injectable()
export class PublicStatusRepository {
  constructor(private readonly dataSource: DataSource) {}

  async systems(): Promise<PublicSystemRow[]> {
    const rows: (NamesColumns & {
      id: number;
      agency: string;
      category: string | null;
      status: PublicStatus | null;
      status_since: string | null;
    })[] = await this.dataSource.query(
      `SELECT s.id, s.code, s.name_kk, s.name_ru, s.name_en, a.code AS agency, c.code AS category,
              ds.state->>'status' AS status,
              to_char(h.at AT TIME ZONE 'UTC', ${ISO}) AS status_since
         FROM systems s JOIN agencies a ON a.id = s.agency_id
         LEFT JOIN categories c ON c.id = s.category_id AND c.enabled
         LEFT JOIN detector_state ds ON ds.key = 'system:' || s.id
         LEFT JOIN LATERAL (SELECT at FROM system_status_history WHERE system_id = s.id ORDER BY at DESC LIMIT 1) h ON true
        WHERE s.is_public AND s.enabled
        ORDER BY a.code, s.code`,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      name: names(r),
      agency: r.agency,
      category: r.category,
      status: r.status,
      statusSince: r.status_since,
    }));
  }

  /** Agencies with at least one public system. */
  async agencies(): Promise<NamedRow[]> {
    return this.named(
      `SELECT a.code, a.name_kk, a.name_ru, a.name_en FROM agencies a
        WHERE EXISTS (SELECT 1 FROM systems s WHERE s.agency_id = a.id AND s.is_public AND s.enabled)
        ORDER BY a.code`,
    );
  }

  /** Categories with at least one public system. */
  async categories(): Promise<NamedRow[]> {
    return this.named(
      `SELECT c.code, c.name_kk, c.name_ru, c.name_en FROM categories c
        WHERE c.enabled AND EXISTS (SELECT 1 FROM systems s WHERE s.category_id = c.id AND s.is_public AND s.enabled)
        ORDER BY c.code`,
    );
  }

  /** Enabled maintenance windows with the public systems they cover (windows covering none left out). */
  async windows(): Promise<PublicWindowRow[]> {
    const rows: {
      code: string;
      title_kk: string;
      title_ru: string;
      title_en: string;
      timezone: string;
      starts_at: Date | null;
      ends_at: Date | null;
      recurrence: string | null;
      start_time: string | null;
      duration_s: string | null;
      systems: string[];
    }[] = await this.dataSource.query(
      `SELECT w.code, w.title_kk, w.title_ru, w.title_en, w.timezone, w.starts_at, w.ends_at, w.recurrence,
              w.start_time, w.duration_s, array_agg(s.code ORDER BY s.code) AS systems
         FROM maintenance_windows w
         JOIN maintenance_window_systems ws ON ws.window_id = w.id
         JOIN systems s ON s.id = ws.system_id AND s.is_public AND s.enabled
        WHERE w.enabled
        GROUP BY w.id ORDER BY w.code`,
    );
    return rows.map((r) => ({
      code: r.code,
      title: { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
      timezone: r.timezone,
      startsAt: r.starts_at ? r.starts_at.getTime() : null,
      endsAt: r.ends_at ? r.ends_at.getTime() : null,
      recurrence: r.recurrence,
      startTime: r.start_time,
      durationMs: r.duration_s === null ? null : Number(r.duration_s) * 1000,
      systems: r.systems,
    }));
  }

  async activeIncidents(): Promise<PublicIncidentRow[]> {
    return this.incidents(`${INCIDENT_SELECT} AND i.state <> 'resolved' ORDER BY i.opened_at DESC, i.id DESC`, []);
  }

  /** Newest first, after the cursor; `system` narrows to one public system. */
  async incidentPage(limit: number, cursor: IncidentCursor | null, system: string | null): Promise<PublicIncidentRow[]> {
    return this.incidents(
      `${INCIDENT_SELECT}
         AND ($1::text IS NULL OR s.code = $1)
         AND ($2::timestamptz IS NULL OR (i.opened_at, i.id) < ($2::timestamptz, $3::bigint))
       ORDER BY i.opened_at DESC, i.id DESC LIMIT $4`,
      [system, cursor?.openedAt ?? null, cursor?.id ?? null, limit],
    );
  }

  async incident(id: number): Promise<PublicIncidentRow | null> {
    return (await this.incidents(`${INCIDENT_SELECT} AND i.id = $1`, [id]))[0] ?? null;
  }

  /** The public updates of these incidents, oldest first (never notes: only kind public_update). */
  async updates(incidentIds: readonly number[]): Promise<Map<number, PublicUpdate[]>> {
    const byIncident = new Map<number, PublicUpdate[]>();
    if (incidentIds.length === 0) return byIncident;
    const rows: { incident_id: string; at: Date; data: { public_state: PublicUpdate['public_state']; text: LocalizedText } }[] =
      await this.dataSource.query(
        `SELECT incident_id, at, data FROM incident_events
          WHERE incident_id = ANY($1::bigint[]) AND kind = 'public_update' ORDER BY incident_id, id`,
        [incidentIds],
      );
    for (const r of rows) {
      const id = Number(r.incident_id);
      const text = r.data.text;
      byIncident.set(id, [
        ...(byIncident.get(id) ?? []),
        {
          at: r.at.toISOString(),
          public_state: r.data.public_state,
          text: { kk: text.kk, ru: text.ru, en: text.en },
        },
      ]);
    }
    return byIncident;
  }

  private async named(sql: string): Promise<NamedRow[]> {
    const rows: NamesColumns[] = await this.dataSource.query(sql);
    return rows.map((r) => ({ code: r.code, name: names(r) }));
  }

  private async incidents(sql: string, params: unknown[]): Promise<PublicIncidentRow[]> {
    const rows: {
      id: string;
      system: string;
      agency: string;
      title_kk: string;
      title_ru: string;
      title_en: string;
      status: PublicStatus;
      public_state: PublicUpdate['public_state'];
      opened_at: Date;
      resolved_at: Date | null;
    }[] = await this.dataSource.query(sql, params);
    return rows.map((r) => ({
      id: Number(r.id),
      system: r.system,
      agency: r.agency,
      title: { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
      status: r.status,
      publicState: r.public_state,
      openedAt: r.opened_at,
      resolvedAt: r.resolved_at,
    }));
  }
}
