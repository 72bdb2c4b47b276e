import { Injectable } from '@nestjs/common';
import type {
  AgencyContact,
  AgencyView,
  CheckView,
  ChecksQuery,
  MaintenanceView,
  SystemView,
  SystemsQuery,
} from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import {
  AgencyRow,
  CheckRow,
  MaintenanceRow,
  SystemRow,
  toAgencyView,
  toCheckView,
  toMaintenanceView,
  toSystemView,
} from './catalog-views';

// Reads of the stored catalog for the REST API and the write service. Plain SQL: the joins that
// turn ids back into codes are clearer here than in a query builder.

const SYSTEM_SELECT = `
SELECT s.code, a.code AS agency_code, s.name_kk, s.name_ru, s.name_en, s.short_name_kk, s.short_name_ru,
       s.short_name_en, s.tier, c.code AS category_code,
       s.is_public, s.slo_target, s.enabled, s.source, s.created_at, s.updated_at,
       COALESCE((SELECT array_agg(d.code ORDER BY d.code) FROM system_dependencies sd
                 JOIN systems d ON d.id = sd.depends_on_id WHERE sd.system_id = s.id), '{}') AS depends_on
  FROM systems s
  JOIN agencies a ON a.id = s.agency_id
  LEFT JOIN categories c ON c.id = s.category_id`;

const CHECK_SELECT = `
SELECT k.id, k.key, s.code AS system_code, k.code, k.kind, k.target, k.interval_s, k.timeout_s, k.regions,
       k.conditions, k.thresholds, k.role, k.options, k.push_token, k.enabled, k.source, k.created_at, k.updated_at
  FROM checks k
  JOIN systems s ON s.id = k.system_id`;

const MAINTENANCE_SELECT = `
SELECT w.code, w.title_kk, w.title_ru, w.title_en, w.timezone, w.starts_at, w.ends_at, w.recurrence,
       w.start_time, w.duration_s, w.enabled, w.source, w.created_at, w.updated_at,
       COALESCE((SELECT array_agg(s.code ORDER BY s.code) FROM maintenance_window_systems ws
                 JOIN systems s ON s.id = ws.system_id WHERE ws.window_id = w.id), '{}') AS systems
  FROM maintenance_windows w`;

@Injectable()
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listAgencies(): Promise<AgencyView[]> {
    const rows: AgencyRow[] = await this.dataSource.query('SELECT * FROM agencies ORDER BY code');
    return rows.map(toAgencyView);
  }

  async findAgency(code: string): Promise<AgencyView | undefined> {
    const rows: AgencyRow[] = await this.dataSource.query('SELECT * FROM agencies WHERE code = $1', [code]);
    return rows[0] ? toAgencyView(rows[0]) : undefined;
  }

  /** The stored contacts as written (webhook secret references included; views hide them). */
  async findAgencyContacts(code: string): Promise<AgencyContact[] | undefined> {
    const rows: { contacts: AgencyContact[] }[] = await this.dataSource.query('SELECT contacts FROM agencies WHERE code = $1', [
      code,
    ]);
    return rows[0]?.contacts;
  }

  async listSystems(q: SystemsQuery = {}): Promise<SystemView[]> {
    const rows: SystemRow[] = await this.dataSource.query(
      `${SYSTEM_SELECT}
        WHERE ($1::text IS NULL OR a.code = $1)
          AND ($2::text IS NULL OR s.tier = $2)
          AND ($3::boolean IS NULL OR s.is_public = $3)
          AND ($4::boolean IS NULL OR s.enabled = $4)
        ORDER BY s.code`,
      [q.agency ?? null, q.tier ?? null, q.public ?? null, q.enabled ?? null],
    );
    return rows.map(toSystemView);
  }

  async findSystem(code: string): Promise<SystemView | undefined> {
    const rows: SystemRow[] = await this.dataSource.query(`${SYSTEM_SELECT} WHERE s.code = $1`, [code]);
    return rows[0] ? toSystemView(rows[0]) : undefined;
  }

  /** Codes of the systems that depend directly on this one. */
  async dependentsOf(code: string): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT s.code FROM system_dependencies sd
         JOIN systems s ON s.id = sd.system_id
         JOIN systems p ON p.id = sd.depends_on_id
        WHERE p.code = $1 ORDER BY s.code`,
      [code],
    );
    return rows.map((r) => r.code);
  }

  /** The whole dependency graph by code (every system, enabled or not). */
  async dependencyGraph(): Promise<Map<string, string[]>> {
    const rows: { code: string; depends_on: string[] }[] = await this.dataSource.query(
      `SELECT s.code, COALESCE(array_agg(d.code ORDER BY d.code) FILTER (WHERE d.code IS NOT NULL), '{}') AS depends_on
         FROM systems s
         LEFT JOIN system_dependencies sd ON sd.system_id = s.id
         LEFT JOIN systems d ON d.id = sd.depends_on_id
        GROUP BY s.code`,
    );
    return new Map(rows.map((r) => [r.code, r.depends_on]));
  }

  async categoryExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM categories WHERE code = $1', [code]);
    return rows.length > 0;
  }

  async existingSystemCodes(codes: readonly string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await this.dataSource.query(
      'SELECT code FROM systems WHERE code = ANY($1::text[])',
      [[...codes]],
    );
    return new Set(rows.map((r) => r.code));
  }

  async listChecks(q: ChecksQuery = {}): Promise<CheckView[]> {
    const rows: CheckRow[] = await this.dataSource.query(
      `${CHECK_SELECT}
        WHERE ($1::text IS NULL OR s.code = $1)
          AND ($2::text IS NULL OR k.kind = $2)
          AND ($3::boolean IS NULL OR k.enabled = $3)
        ORDER BY k.key`,
      [q.system ?? null, q.kind ?? null, q.enabled ?? null],
    );
    return rows.map(toCheckView);
  }

  async findCheck(key: string): Promise<CheckView | undefined> {
    const rows: CheckRow[] = await this.dataSource.query(`${CHECK_SELECT} WHERE k.key = $1`, [key]);
    return rows[0] ? toCheckView(rows[0]) : undefined;
  }

  /** A check's options as stored, secrets included: for a write to keep the secrets it was not sent. */
  async findCheckOptions(key: string): Promise<Record<string, unknown> | undefined> {
    const rows: { options: Record<string, unknown> }[] = await this.dataSource.query(
      'SELECT options FROM checks WHERE key = $1',
      [key],
    );
    return rows[0]?.options;
  }

  async listMaintenance(): Promise<MaintenanceView[]> {
    const rows: MaintenanceRow[] = await this.dataSource.query(`${MAINTENANCE_SELECT} ORDER BY w.code`);
    return rows.map(toMaintenanceView);
  }

  async findMaintenance(code: string): Promise<MaintenanceView | undefined> {
    const rows: MaintenanceRow[] = await this.dataSource.query(`${MAINTENANCE_SELECT} WHERE w.code = $1`, [
      code,
    ]);
    return rows[0] ? toMaintenanceView(rows[0]) : undefined;
  }
}
