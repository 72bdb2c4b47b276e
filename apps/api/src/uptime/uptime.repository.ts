import { Inject, Injectable } from '@nestjs/common';
import type { PublicStatus, SystemTier } from '@kuzet/contracts';
import type { BurnRateInput, BurnWindow } from '@kuzet/detection';
import type { SqlExecutor } from '../database/sql-executor';
import type { StatusChange } from './status-timeline';

/** Token for the SqlExecutor this module reads through (provided in UptimeModule). */
export const UPTIME_SQL = Symbol('UPTIME_SQL');

export interface UptimeSystem {
  id: number;
  code: string;
  agencyId: number;
  agencyCode: string;
  tier: SystemTier;
  sloTarget: number | null;
  /** Shown on the public status page; a non-public code stays out of anonymous output. */
  isPublic: boolean;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const WINDOW_MS: Record<BurnWindow, number> = {
  '5m': 5 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': HOUR,
  '6h': 6 * HOUR,
  '3d': 72 * HOUR,
};

/** Every time-series and catalog read of the uptime/SLO module: explicit SQL, one place. */
@Injectable()
export class UptimeRepository {
  constructor(@Inject(UPTIME_SQL) private readonly sql: SqlExecutor) {}

  private async systems(where: string, params: unknown[]): Promise<UptimeSystem[]> {
    const rows = await this.sql.query<{
      id: number;
      code: string;
      agency_id: number;
      agency_code: string;
      tier: SystemTier;
      slo_target: string | null;
      is_public: boolean;
    }>(
      `SELECT s.id, s.code, s.agency_id, a.code AS agency_code, s.tier, s.slo_target, s.is_public
         FROM systems s JOIN agencies a ON a.id = s.agency_id WHERE ${where} ORDER BY s.code`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      agencyId: Number(r.agency_id),
      agencyCode: r.agency_code,
      tier: r.tier,
      sloTarget: r.slo_target === null ? null : Number(r.slo_target),
      isPublic: r.is_public,
    }));
  }

  /** The system with this code (enabled or not: its history still exists); null when unknown. */
  async systemByCode(code: string): Promise<UptimeSystem | null> {
    return (await this.systems('s.code = $1', [code]))[0] ?? null;
  }

  async enabledSystems(): Promise<UptimeSystem[]> {
    return this.systems('s.enabled', []);
  }

  /** The agency's enabled systems; null when the agency code is unknown. */
  async agencySystems(code: string): Promise<UptimeSystem[] | null> {
    const agency = await this.sql.query<{ id: number }>('SELECT id FROM agencies WHERE code = $1', [code]);
    if (agency.length === 0) return null;
    return this.systems('s.agency_id = $1 AND s.enabled', [Number(agency[0].id)]);
  }

  /**
   * Each system's confirmed status changes that matter for [from, to): its last change at or
   * before `from` (the status `from` starts in) and every change after `from` and before `to`,
   * in time order. One index probe per system plus the changes in the range: changes are rare.
   */
  async statusTimelines(
    systemIds: readonly number[],
    from: Date,
    to: Date,
  ): Promise<Map<number, StatusChange[]>> {
    const out = new Map<number, StatusChange[]>(systemIds.map((id) => [id, []]));
    if (systemIds.length === 0) return out;
    const rows = await this.sql.query<{ system_id: number; at: Date | string; status: PublicStatus | null }>(
      `SELECT s.id AS system_id, h.at, h.status
         FROM unnest($1::int[]) AS s(id)
         CROSS JOIN LATERAL (
           (SELECT at, status FROM system_status_history
             WHERE system_id = s.id AND at <= $2 ORDER BY at DESC LIMIT 1)
           UNION ALL
           (SELECT at, status FROM system_status_history
             WHERE system_id = s.id AND at > $2 AND at < $3)
         ) h
        ORDER BY s.id, h.at`,
      [systemIds, from, to],
    );
    for (const r of rows)
      out.get(Number(r.system_id))?.push({ at: new Date(r.at).getTime(), status: r.status });
    return out;
  }

  /**
   * good (up + degraded) and total (total − unknown) per system and burn window ending at `now`:
   * 5m..6h from check_rollup_1m (the minute buckets starting after now − window), 3d from
   * check_rollup_1h (the hour buckets starting after now − 3d).
   */
  async burnCounts(systemIds: readonly number[], now: number): Promise<Map<number, BurnRateInput>> {
    const out = new Map<number, BurnRateInput>();
    for (const id of systemIds)
      out.set(id, {
        '5m': { good: 0, total: 0 },
        '30m': { good: 0, total: 0 },
        '1h': { good: 0, total: 0 },
        '6h': { good: 0, total: 0 },
        '3d': { good: 0, total: 0 },
      });
    if (systemIds.length === 0) return out;
    const minuteWindows: BurnWindow[] = ['5m', '30m', '1h', '6h'];
    const cols = minuteWindows
      .map(
        (w, i) =>
          `sum(r.up_count + r.degraded_count) FILTER (WHERE r.bucket > $${i + 3}) AS "good_${w}",
           sum(r.total - r.unknown_count) FILTER (WHERE r.bucket > $${i + 3}) AS "total_${w}"`,
      )
      .join(',\n');
    const sourceSql = (relation: string, selects: string) =>
      `SELECT k.system_id, ${selects}
         FROM ${relation} r JOIN checks k ON k.id = r.check_id
        WHERE k.enabled AND k.system_id = ANY($1::int[]) AND r.bucket > $2
        GROUP BY k.system_id`;
    const since = (ms: number) => new Date(now - ms);
    const minuteRows = await this.sql.query<Record<string, string | number | null>>(
      sourceSql('check_rollup_1m', cols),
      [systemIds, since(WINDOW_MS['6h']), ...minuteWindows.map((w) => since(WINDOW_MS[w]))],
    );
    for (const r of minuteRows) {
      const input = out.get(Number(r.system_id));
      if (!input) continue;
      for (const w of minuteWindows)
        input[w] = { good: Number(r[`good_${w}`] ?? 0), total: Number(r[`total_${w}`] ?? 0) };
    }
    const hourRows = await this.sql.query<Record<string, string | number | null>>(
      sourceSql(
        'check_rollup_1h',
        'sum(r.up_count + r.degraded_count) AS good, sum(r.total - r.unknown_count) AS total',
      ),
      [systemIds, since(WINDOW_MS['3d'])],
    );
    for (const r of hourRows) {
      const input = out.get(Number(r.system_id));
      if (input) input['3d'] = { good: Number(r.good ?? 0), total: Number(r.total ?? 0) };
    }
    return out;
  }
}
