import { Inject, Injectable } from '@nestjs/common';
import type { SystemTier } from '@kuzet/contracts';
import type { IncidentTimes } from '@kuzet/detection';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';
import type { LatestCheckRun } from './probe-evidence';

/** An enabled system as the scorer sees it. */
export interface ScoredSystem {
  id: number;
  code: string;
  agencyId: number;
  agency: string;
  tier: SystemTier;
  /** The catalog's slo_target, a percentage (99.9); null = the default objective. */
  sloTarget: number | null;
}

const iso = (t: Date | string): string => new Date(t).toISOString();

/** The scorer's reads of the catalog, the latest probe runs and incidents: explicit SQL, one place. */
@Injectable()
export class ScoringEvidenceRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  async enabledSystems(): Promise<ScoredSystem[]> {
    const rows = await this.db.query<{
      id: number;
      code: string;
      agency_id: number;
      agency: string;
      tier: SystemTier;
      slo_target: string | null;
    }>(
      `SELECT s.id, s.code, s.agency_id, a.code AS agency, s.tier, s.slo_target
         FROM systems s JOIN agencies a ON a.id = s.agency_id
        WHERE s.enabled
        ORDER BY s.code`,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      agencyId: Number(r.agency_id),
      agency: r.agency,
      tier: r.tier,
      sloTarget: r.slo_target === null ? null : Number(r.slo_target),
    }));
  }

  /**
   * The latest run of every enabled check of these systems in each region it still runs in,
   * newer than `since`. Runs a probe marked as cut off from the network say nothing about the target.
   */
  async latestRuns(systemIds: readonly number[], since: Date): Promise<Map<number, LatestCheckRun[]>> {
    const out = new Map<number, LatestCheckRun[]>(systemIds.map((id) => [id, []]));
    if (systemIds.length === 0) return out;
    const rows = await this.db.query<{
      system_id: number;
      check_id: number;
      kind: string;
      target: string | null;
      servername: string | null;
      region: string;
      time: Date | string;
      details: Record<string, unknown>;
    }>(
      `SELECT c.system_id, c.id AS check_id, c.kind, c.target, c.options->>'servername' AS servername,
              d.region, d.time, d.details
         FROM checks c JOIN check_latest_details d ON d.check_id = c.id
        WHERE c.enabled AND c.system_id = ANY($1::int[]) AND d.region = ANY(c.regions) AND d.time >= $2
          AND NOT (d.details ? 'probe_network_down')
        ORDER BY c.system_id, c.id, d.region`,
      [systemIds, since],
    );
    for (const r of rows)
      out.get(Number(r.system_id))?.push({
        checkId: Number(r.check_id),
        kind: r.kind,
        target: r.target,
        servername: r.servername,
        region: r.region,
        observedAt: iso(r.time),
        details: r.details ?? {},
      });
    return out;
  }

  /**
   * Root incidents of these systems overlapping [from, to). Symptoms are left out: a failure
   * caused by another system's outage is that system's debt (the child's uptime still shows it).
   */
  async rootIncidents(systemIds: readonly number[], from: Date, to: Date): Promise<Map<number, IncidentTimes[]>> {
    const out = new Map<number, IncidentTimes[]>(systemIds.map((id) => [id, []]));
    if (systemIds.length === 0) return out;
    const rows = await this.db.query<{
      system_id: number;
      opened_at: Date | string;
      acknowledged_at: Date | string | null;
      resolved_at: Date | string | null;
    }>(
      `SELECT system_id, opened_at, acknowledged_at, resolved_at
         FROM incidents
        WHERE system_id = ANY($1::int[]) AND kind = 'root' AND opened_at < $3
          AND (resolved_at IS NULL OR resolved_at > $2)`,
      [systemIds, from, to],
    );
    const ms = (t: Date | string | null) => (t === null ? null : new Date(t).getTime());
    for (const r of rows)
      out.get(Number(r.system_id))?.push({
        openedAt: new Date(r.opened_at).getTime(),
        acknowledgedAt: ms(r.acknowledged_at),
        resolvedAt: ms(r.resolved_at),
      });
    return out;
  }
}
