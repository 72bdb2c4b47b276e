import { Injectable } from '@nestjs/common';
import type { CheckKind, CheckRoleName, PublicStatus, SystemTier } from '@kuzet/contracts';
import { defaultCheckRole } from '@kuzet/contracts';
import type { CheckResultRow } from '../timeseries/check-result';
import { isCheckOutcome, isErrorClass } from '../timeseries/check-outcome';
import { DataSource } from 'typeorm';
import { SystemGraphRepository } from '../incidents/system-graph.repository';
import { buildDetectionCatalog, CheckInfo, DetectionCatalog } from './detection-catalog';
import type { MaintenanceWindowInfo } from './maintenance-schedule';

/** A position in check_results' (time, check_id, region) order. */
export interface ResultCursor {
  time: number;
  checkId: number;
  region: string;
}

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
      code: string;
      kind: CheckKind;
      role: CheckRoleName | null;
      regions: string[];
      interval_s: string;
      timeout_s: string;
      thresholds: { degraded_ms?: number; failures?: number; successes?: number };
    }[] = await this.dataSource.query(
      `SELECT k.id, k.key, k.code, k.kind, k.role, k.system_id, k.regions, k.interval_s, k.timeout_s, k.thresholds
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
        code: c.code,
        kind: c.kind,
        role: c.role ?? defaultCheckRole(c.kind),
        systemId: Number(c.system_id),
        regions: c.regions,
        intervalMs: Number(c.interval_s) * 1000,
        timeoutMs: Number(c.timeout_s) * 1000,
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

  /**
   * Durable results after a cursor (time, check, region), oldest first: the detector's catch-up
   * after a restart or a queue overflow. Keyset-paged, so a page costs the same wherever it starts.
   */
  async resultsAfter(after: ResultCursor, limit: number): Promise<CheckResultRow[]> {
    const rows: {
      time: Date;
      check_id: number;
      region: string;
      outcome: number;
      latency_ms: number | null;
      status_code: number | null;
      error_class: string | null;
      recheck: boolean;
    }[] = await this.dataSource.query(
      `SELECT time, check_id, region, outcome, latency_ms, status_code, error_class, recheck
         FROM check_results
        WHERE (time, check_id, region) > ($1::timestamptz, $2::integer, $3::text)
        ORDER BY time, check_id, region
        LIMIT $4`,
      [new Date(after.time), after.checkId, after.region, limit],
    );
    return rows.flatMap((r): CheckResultRow[] =>
      isCheckOutcome(r.outcome)
        ? [
            {
              time: new Date(r.time),
              checkId: Number(r.check_id),
              region: r.region,
              outcome: r.outcome,
              latencyMs: r.latency_ms === null ? null : Number(r.latency_ms),
              statusCode: r.status_code === null ? null : Number(r.status_code),
              errorClass: isErrorClass(r.error_class) ? r.error_class : null,
              recheck: r.recheck,
            },
          ]
        : [],
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
