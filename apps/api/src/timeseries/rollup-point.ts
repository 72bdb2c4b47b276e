import type { RollupResolution } from './rollup-resolution';

/** One rollup row as read by dashboards and pages (same shape at every resolution). */
export interface RollupPoint {
  bucket: Date;
  checkId: number;
  region: string;
  total: number;
  upCount: number;
  degradedCount: number;
  downCount: number;
  unknownCount: number;
  latencyMin: number | null;
  latencyMax: number | null;
  latencyAvg: number | null;
  latencyP50: number | null;
  latencyP95: number | null;
  latencyP99: number | null;
}

export interface RollupSeries {
  resolution: RollupResolution;
  from: Date;
  to: Date;
  points: RollupPoint[];
}

/** The raw row of a rollup relation, as the driver returns it. */
export interface RollupRow {
  bucket: Date | string;
  check_id: number;
  region: string;
  total: number;
  up_count: number;
  degraded_count: number;
  down_count: number;
  unknown_count: number;
  latency_min: number | null;
  latency_max: number | null;
  latency_avg: number | null;
  latency_p50: number | null;
  latency_p95: number | null;
  latency_p99: number | null;
}

export function toRollupPoint(row: RollupRow): RollupPoint {
  return {
    bucket: row.bucket instanceof Date ? row.bucket : new Date(row.bucket),
    checkId: row.check_id,
    region: row.region,
    total: row.total,
    upCount: row.up_count,
    degradedCount: row.degraded_count,
    downCount: row.down_count,
    unknownCount: row.unknown_count,
    latencyMin: row.latency_min,
    latencyMax: row.latency_max,
    latencyAvg: row.latency_avg,
    latencyP50: row.latency_p50,
    latencyP95: row.latency_p95,
    latencyP99: row.latency_p99,
  };
}
