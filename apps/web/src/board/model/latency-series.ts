/** A rollup point as GET /api/checks/:id/latency returns it (only the fields the chart needs). */
export interface LatencyPointLike {
  bucket: string;
  region: string;
  latencyP50: number | null;
  latencyP95: number | null;
}

export interface LatencyRow {
  time: string;
  [region: string]: { p50: number | null; p95: number | null } | string;
}

/** Rollup points -> one row per bucket with p50/p95 per region (the shape Recharts lines read). */
export function latencyByRegion(points: readonly LatencyPointLike[]): { regions: string[]; rows: LatencyRow[] } {
  const regions = [...new Set(points.map((p) => p.region))].sort();
  const byTime = new Map<string, LatencyRow>();
  for (const p of points) {
    const time = new Date(p.bucket).toISOString();
    const row = byTime.get(time) ?? { time };
    row[p.region] = { p50: p.latencyP50, p95: p.latencyP95 };
    byTime.set(time, row);
  }
  return { regions, rows: [...byTime.values()].sort((a, b) => a.time.localeCompare(b.time)) };
}
