import { latencyByRegion } from './latency-series';

describe('latencyByRegion', () => {
  it('pivots rollup points into one row per bucket with p50/p95 per region', () => {
    const out = latencyByRegion([
      { bucket: '2026-11-26T10:01:00.000Z', region: 'almaty', latencyP50: 40, latencyP95: 90 },
      { bucket: '2026-11-26T10:00:00.000Z', region: 'astana', latencyP50: 30, latencyP95: null },
      { bucket: '2026-11-26T10:00:00.000Z', region: 'almaty', latencyP50: 35, latencyP95: 80 },
    ]);
    expect(out.regions).toEqual(['almaty', 'astana']);
    expect(out.rows).toEqual([
      { time: '2026-11-26T10:00:00.000Z', almaty: { p50: 35, p95: 80 }, astana: { p50: 30, p95: null } },
      { time: '2026-11-26T10:01:00.000Z', almaty: { p50: 40, p95: 90 } },
    ]);
  });
});
