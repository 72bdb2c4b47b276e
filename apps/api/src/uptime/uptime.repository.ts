import { Inject, Injectable } from '@nestjs/common';
import type { SystemTier } from '@kuzet/contracts';
import type { BurnRateInput, BurnWindow } from '@kuzet/detection';
import type { SqlExecutor } from '../database/sql-executor';
import type { MaintenanceWindowInfo } from '../detection/maintenance-schedule';
import type { BucketCounts } from './uptime-status';

/** Token for the SqlExecutor this module reads through (provided in UptimeModule). */
export const UPTIME_SQL = Symbol('UPTIME_SQL');

export type UptimeResolution = '1m' | '1h';

export interface UptimeSystem {
  id: number;
  code: string;
  agencyId: number;
  tier: SystemTier;
  sloTarget: number | null;
  checkIds: number[];
}

const RELATION: Record<UptimeResolution, string> = { '1m': 'check_rollup_1m', '1h': 'check_rollup_1h' };

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
      tier: SystemTier;
      slo_target: string | null;
      check_ids: number[] | null;
    }>(
      `SELECT s.id, s.code, s.agency_id, s.tier, s.slo_target,
              (SELECT array_agg(k.id ORDER BY k.id) FROM checks k WHERE k.system_id = s.id AND k.enabled) AS check_ids
         FROM systems s WHERE ${where} ORDER BY s.code`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      agencyId: Number(r.agency_id),
      tier: r.tier,
      sloTarget: r.slo_target === null ? null : Number(r.slo_target),
      checkIds: (r.check_ids ?? []).map(Number),
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

  /** Enabled maintenance windows attached to any of these systems. */
  async maintenanceWindows(systemIds: readonly number[]): Promise<MaintenanceWindowInfo[]> {
    if (systemIds.length === 0) return [];
    const rows = await this.sql.query<{
      code: string;
      timezone: string;
      starts_at: Date | string | null;
      ends_at: Date | string | null;
      recurrence: string | null;
      start_time: string | null;
      duration_s: string | null;
      system_ids: number[];
    }>(
      `SELECT w.code, w.timezone, w.starts_at, w.ends_at, w.recurrence, w.start_time, w.duration_s,
              (SELECT array_agg(ws.system_id) FROM maintenance_window_systems ws
                WHERE ws.window_id = w.id AND ws.system_id = ANY($1::int[])) AS system_ids
         FROM maintenance_windows w
        WHERE w.enabled AND EXISTS (SELECT 1 FROM maintenance_window_systems ws
                                     WHERE ws.window_id = w.id AND ws.system_id = ANY($1::int[]))`,
      [systemIds],
    );
    return rows.map((w) => ({
      code: w.code,
      systemIds: (w.system_ids ?? []).map(Number),
      timezone: w.timezone,
      startsAt: w.starts_at ? new Date(w.starts_at).getTime() : null,
      endsAt: w.ends_at ? new Date(w.ends_at).getTime() : null,
      recurrence: w.recurrence,
      startTime: w.start_time,
      durationMs: w.duration_s === null ? null : Number(w.duration_s) * 1000,
    }));
  }

  /** Per (bucket, check) outcome counts summed over regions, buckets in [from, to). */
  async bucketCounts(
    resolution: UptimeResolution,
    checkIds: readonly number[],
    from: Date,
    to: Date,
  ): Promise<Map<number, Map<number, BucketCounts>>> {
    const out = new Map<number, Map<number, BucketCounts>>();
    if (checkIds.length === 0) return out;
    const rows = await this.sql.query<{
      bucket: Date | string;
      check_id: number;
      up: string;
      degraded: string;
      down: string;
    }>(
      `SELECT bucket, check_id, sum(up_count) AS up, sum(degraded_count) AS degraded, sum(down_count) AS down
         FROM ${RELATION[resolution]}
        WHERE check_id = ANY($1::int[]) AND bucket >= $2 AND bucket < $3
        GROUP BY bucket, check_id`,
      [checkIds, from, to],
    );
    for (const r of rows) {
      const t = new Date(r.bucket).getTime();
      let m = out.get(t);
      if (!m) out.set(t, (m = new Map()));
      m.set(Number(r.check_id), { up: Number(r.up), degraded: Number(r.degraded), down: Number(r.down) });
    }
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
