import { bucketDelta, bucketQuantile, histogramBuckets, metricNames, sumOf } from '../support/prometheus-text';

const scrape = (lagCounts: [number, number, number], skipped: number) => `# HELP kuzet_probe_schedule_lag_seconds lag
# TYPE kuzet_probe_schedule_lag_seconds histogram
kuzet_probe_schedule_lag_seconds_bucket{le="0.001",app="kuzet"} ${lagCounts[0]}
kuzet_probe_schedule_lag_seconds_bucket{le="0.1",app="kuzet"} ${lagCounts[1]}
kuzet_probe_schedule_lag_seconds_bucket{le="+Inf",app="kuzet"} ${lagCounts[2]}
kuzet_probe_schedule_lag_seconds_sum{app="kuzet"} 1.5
kuzet_probe_schedule_lag_seconds_count{app="kuzet"} ${lagCounts[2]}
kuzet_probe_runs_skipped_total{app="kuzet",region="a"} ${skipped}
kuzet_probe_runs_skipped_total{app="kuzet",region="b"} 1
process_start_time_seconds 1700000000
`;

describe('prometheus-text', () => {
  it('sums every series of a metric and tells an absent one apart', () => {
    expect(sumOf(scrape([1, 2, 3], 4), 'kuzet_probe_runs_skipped_total')).toBe(5);
    expect(sumOf(scrape([1, 2, 3], 4), 'kuzet_missing_total')).toBeNull();
    expect(metricNames(scrape([1, 2, 3], 0)).has('process_start_time_seconds')).toBe(true);
  });

  it('reads cumulative buckets in ascending order with +Inf last, and their delta between scrapes', () => {
    const before = histogramBuckets(scrape([10, 20, 20], 0), 'kuzet_probe_schedule_lag_seconds');
    const after = histogramBuckets(scrape([60, 119, 120], 0), 'kuzet_probe_schedule_lag_seconds')!;
    expect(before).toEqual([
      { le: 0.001, count: 10 },
      { le: 0.1, count: 20 },
      { le: Infinity, count: 20 },
    ]);
    expect(bucketDelta(before, after)).toEqual([
      { le: 0.001, count: 50 },
      { le: 0.1, count: 99 },
      { le: Infinity, count: 100 },
    ]);
    expect(histogramBuckets('', 'kuzet_probe_schedule_lag_seconds')).toBeNull();
  });

  it('interpolates quantiles within a bucket as histogram_quantile does', () => {
    const buckets = [
      { le: 0.001, count: 50 },
      { le: 0.1, count: 99 },
      { le: Infinity, count: 100 },
    ];
    expect(bucketQuantile(buckets, 0.5)).toBeCloseTo(0.001);
    expect(bucketQuantile(buckets, 0.25)).toBeCloseTo(0.0005);
    expect(bucketQuantile(buckets, 0.745)).toBeCloseTo(0.001 + 0.099 * (24.5 / 49));
    // In +Inf: the highest finite bound, as Prometheus answers.
    expect(bucketQuantile(buckets, 0.999)).toBe(0.1);
    expect(bucketQuantile([{ le: Infinity, count: 0 }], 0.5)).toBeNull();
  });
});
