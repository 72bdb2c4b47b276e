import { CheckOutcome, type ResultSummaryBatch, type SystemResultSummary } from '@kuzet/contracts';
import type { CheckResultRow } from '../timeseries/check-result';

export interface CheckOwner {
  system: string;
  agency: string;
}

interface CheckTally {
  counts: [number, number, number, number];
  latencies: number[];
}

/** Latency samples kept per check and period: enough for a median, bounded whatever arrives. */
const MAX_SAMPLES_PER_CHECK = 1000;

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Tallies check results per check during one period; `flush` closes the period and groups the
 * tallies per system (the board gets one small batch per period, never raw results).
 */
export class ResultsSummaryAggregator {
  private tallies = new Map<number, CheckTally>();
  private from: number;

  constructor(private readonly clock: { now(): number }) {
    this.from = clock.now();
  }

  add(rows: readonly CheckResultRow[]): void {
    for (const row of rows) {
      let t = this.tallies.get(row.checkId);
      if (!t) this.tallies.set(row.checkId, (t = { counts: [0, 0, 0, 0], latencies: [] }));
      t.counts[row.outcome] = (t.counts[row.outcome] ?? 0) + 1;
      if (row.latencyMs !== null && t.latencies.length < MAX_SAMPLES_PER_CHECK)
        t.latencies.push(row.latencyMs);
    }
  }

  /** Check ids seen in the open period (to resolve their owners before flushing). */
  checkIds(): number[] {
    return [...this.tallies.keys()];
  }

  /**
   * Closes the period. Results of checks without an owner (deleted meanwhile) are dropped.
   * Null when nothing arrived: no empty batches on the wire.
   */
  flush(ownerOf: (checkId: number) => CheckOwner | undefined): ResultSummaryBatch | null {
    const to = this.clock.now();
    const from = this.from;
    const tallies = this.tallies;
    this.from = to;
    this.tallies = new Map();
    const bySystem = new Map<string, { owner: CheckOwner; counts: number[]; latencies: number[] }>();
    for (const [checkId, t] of tallies) {
      const owner = ownerOf(checkId);
      if (!owner) continue;
      let s = bySystem.get(owner.system);
      if (!s) bySystem.set(owner.system, (s = { owner, counts: [0, 0, 0, 0], latencies: [] }));
      t.counts.forEach((n, i) => (s.counts[i] += n));
      for (const l of t.latencies) s.latencies.push(l);
    }
    if (bySystem.size === 0) return null;
    const systems: SystemResultSummary[] = [...bySystem.values()]
      .sort((a, b) => a.owner.system.localeCompare(b.owner.system))
      .map(({ owner, counts, latencies }) => {
        latencies.sort((a, b) => a - b);
        return {
          system: owner.system,
          agency: owner.agency,
          up: counts[CheckOutcome.Up],
          degraded: counts[CheckOutcome.Degraded],
          down: counts[CheckOutcome.Down],
          unknown: counts[CheckOutcome.Unknown],
          latency_p50_ms: median(latencies),
          latency_max_ms: latencies.length ? latencies[latencies.length - 1] : null,
        };
      });
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), systems };
  }
}
