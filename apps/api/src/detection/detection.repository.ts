import { Injectable } from '@nestjs/common';
import type { PublicStatus, SystemTier } from '@kuzet/contracts';
import { DataSource } from 'typeorm';
import { SystemGraphRepository } from '../incidents/system-graph.repository';
import { buildDetectionCatalog, CheckInfo, DetectionCatalog } from './detection-catalog';
import type { MaintenanceWindowInfo } from './maintenance-schedule';

export interface SystemStatusRow {
  system: string;
  agency: string;
  tier: SystemTier;
  status: PublicStatus | null;
  flapping: boolean;
  updated_at: string | null;
}

/** The detector's reads: the catalog snapshot, its persisted state, and current statuses. */
@Injectable()
export class DetectionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly graphs: SystemGraphRepository,
  ) {}

  async loadCatalog(): Promise<DetectionCatalog> {
    const checks: {
      id: number;
      key: string;
      system_id: number;
      regions: string[];
      interval_s: string;
      thresholds: { degraded_ms?: number; failures?: number; successes?: number };
    }[] = await this.dataSource.query(
      `SELECT k.id, k.key, k.system_id, k.regions, k.interval_s, k.thresholds
         FROM checks k JOIN systems s ON s.id = k.system_id WHERE k.enabled AND s.enabled`,
    );
    const windows: {
      code: string;
      timezone: string;
      starts_at: Date | null;
      ends_at: Date | null;
      recurrence: string | null;
      start_time: string | null;
      duration_s: string | null;
      system_ids: number[];
    }[] = await this.dataSource.query(
      `SELECT w.code, w.timezone, w.starts_at, w.ends_at, w.recurrence, w.start_time, w.duration_s,
              COALESCE((SELECT array_agg(ws.system_id) FROM maintenance_window_systems ws WHERE ws.window_id = w.id), '{}') AS system_ids
         FROM maintenance_windows w WHERE w.enabled`,
    );
    const graph = await this.graphs.load();
    return buildDetectionCatalog(
      checks.map((c): CheckInfo => ({
        id: Number(c.id),
        key: c.key,
        systemId: Number(c.system_id),
        regions: c.regions,
        intervalMs: Number(c.interval_s) * 1000,
        degradedMs: c.thresholds?.degraded_ms ?? null,
        failures: c.thresholds?.failures ?? null,
        successes: c.thresholds?.successes ?? null,
      })),
      graph,
      windows.map((w): MaintenanceWindowInfo => ({
        code: w.code,
        systemIds: w.system_ids.map(Number),
        timezone: w.timezone,
        startsAt: w.starts_at ? new Date(w.starts_at).getTime() : null,
        endsAt: w.ends_at ? new Date(w.ends_at).getTime() : null,
        recurrence: w.recurrence,
        startTime: w.start_time,
        durationMs: w.duration_s === null ? null : Number(w.duration_s) * 1000,
      })),
    );
  }

  async loadState(): Promise<Map<string, unknown>> {
    const rows: { key: string; state: unknown }[] = await this.dataSource.query(
      'SELECT key, state FROM detector_state',
    );
    return new Map(rows.map((r) => [r.key, r.state]));
  }

  /** Every enabled system with the status the detector last computed (null: no data yet). */
  async systemStatuses(agency?: string): Promise<SystemStatusRow[]> {
    return this.dataSource.query(
      `SELECT s.code AS system, a.code AS agency, s.tier,
              ds.state->>'status' AS status, COALESCE((ds.state->>'flapping')::boolean, false) AS flapping,
              to_char(ds.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
         FROM systems s JOIN agencies a ON a.id = s.agency_id
         LEFT JOIN detector_state ds ON ds.key = 'system:' || s.id
        WHERE s.enabled AND ($1::text IS NULL OR a.code = $1)
        ORDER BY a.code, s.code`,
      [agency ?? null],
    );
  }
}
