// Reading Prometheus text exposition in benchmarks: sums of counters and histogram deltas.

/** One sample line: metric name, label text (without braces) and value. */
interface Sample {
  name: string;
  labels: string;
  value: number;
}

function samples(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (match) out.push({ name: match[1], labels: match[2] ?? '', value: Number(match[3]) });
  }
  return out;
}

/** Metric names present in the exposition. */
export function metricNames(text: string): Set<string> {
  return new Set(samples(text).map((s) => s.name));
}

/** Sum of every series of `name` (null when the metric is absent). */
export function sumOf(text: string, name: string): number | null {
  const found = samples(text).filter((s) => s.name === name);
  return found.length === 0 ? null : found.reduce((sum, s) => sum + s.value, 0);
}

/** The value of the series of `name` whose labels include `label` (e.g. kind="total"); null when absent. */
export function valueWith(text: string, name: string, label: string): number | null {
  return samples(text).find((s) => s.name === name && s.labels.split(',').includes(label))?.value ?? null;
}

/** Cumulative bucket counts of histogram `name`, summed over its series, by upper bound (ascending; +Inf last). */
export function histogramBuckets(text: string, name: string): { le: number; count: number }[] | null {
  const byLe = new Map<number, number>();
  for (const s of samples(text)) {
    if (s.name !== `${name}_bucket`) continue;
    const le = /(?:^|,)le="([^"]+)"/.exec(s.labels)?.[1];
    if (le === undefined) continue;
    const bound = le === '+Inf' ? Infinity : Number(le);
    byLe.set(bound, (byLe.get(bound) ?? 0) + s.value);
  }
  if (byLe.size === 0) return null;
  return [...byLe.entries()].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }));
}

/** Bucket counts of `after` minus `before` (the observations between two scrapes). */
export function bucketDelta(
  before: { le: number; count: number }[] | null,
  after: { le: number; count: number }[],
): { le: number; count: number }[] {
  return after.map((b) => ({ le: b.le, count: b.count - (before?.find((x) => x.le === b.le)?.count ?? 0) }));
}

/**
 * The q-quantile (0..1) of cumulative buckets, interpolated linearly inside the bucket as
 * Prometheus's histogram_quantile does; the highest finite bound when it falls in +Inf; null when
 * there is no observation.
 */
export function bucketQuantile(buckets: { le: number; count: number }[], q: number): number | null {
  const total = buckets.at(-1)?.count ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (b.le === Infinity) return lowerBound;
      const inBucket = b.count - lowerCount;
      return inBucket > 0 ? lowerBound + ((b.le - lowerBound) * (rank - lowerCount)) / inBucket : b.le;
    }
    if (b.le !== Infinity) lowerBound = b.le;
    lowerCount = b.count;
  }
  return lowerBound;
}
