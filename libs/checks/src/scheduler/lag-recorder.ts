/**
 * Fixed-memory latency histogram (1 ms buckets up to `maxMs`, one overflow bucket), for the
 * schedule lag: count, mean, max and percentiles without keeping every sample.
 */
export class LagRecorder {
  private readonly buckets: Uint32Array;
  private total = 0;
  private sum = 0;
  private maxSeen = 0;

  constructor(private readonly maxMs = 60_000) {
    this.buckets = new Uint32Array(maxMs + 2);
  }

  record(lagMs: number): void {
    const v = lagMs < 0 ? 0 : lagMs;
    const i = v > this.maxMs ? this.maxMs + 1 : Math.floor(v);
    this.buckets[i]++;
    this.total++;
    this.sum += v;
    if (v > this.maxSeen) this.maxSeen = v;
  }

  get count(): number {
    return this.total;
  }

  get mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  get max(): number {
    return this.maxSeen;
  }

  /** The p-th percentile (0..100), in whole ms (lower bound of its 1 ms bucket; `max` past `maxMs`). */
  percentile(p: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i];
      if (seen >= rank) return i > this.maxMs ? this.maxSeen : i;
    }
    return this.maxSeen;
  }

  reset(): void {
    this.buckets.fill(0);
    this.total = 0;
    this.sum = 0;
    this.maxSeen = 0;
  }
}
