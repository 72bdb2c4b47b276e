import { CheckOutcome, type ResultSummaryBatch, type SystemResultSummary } from '@kuzet/contracts';
import type { CheckResultRow } from '../timeseries/check-result';

export interface CheckOwner {
  system: string;
  agency: string;
}

interface CheckTally {
  counts: [number, number, number, number];
  latencies: number[];
  /** The period these counts belong to (older: stale, reset on the next result). */
  period: number;
}

/** Latency samples kept per check and period: enough for a median, bounded whatever arrives. */
const MAX_SAMPLES_PER_CHECK = 1000;
/** A check's tally is forgotten after this many periods without a result (deleted checks). */
const IDLE_PERIODS = 12;

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Tallies check results per check during one period; `flush` closes the period and groups the
 * tallies per system (the board gets one small batch per period, never raw results). A check's
 * tally is reused from period to period (reset on its first result of a period), so the
 * aggregator does not allocate per check and period.
 */
export class ResultsSummaryAggregator {
  private readonly tallies = new Map<number, CheckTally>();
  /** Checks with a result in the open period, in order of their first one. */
  private active: number[] = [];
  private period = 0;
  private from: number;

  constructor(private readonly clock: { now(): number }) {
    this.from = clock.now();
  }

  add(rows: readonly CheckResultRow[]): void {
    for (const row of rows) {
      let t = this.tallies.get(row.checkId);
      if (!t)
        this.tallies.set(row.checkId, (t = { counts: [0, 0, 0, 0], latencies: [], period: this.period - 1 }));
      if (t.period !== this.period) {
        t.counts.fill(0);
        t.latencies.length = 0;
        t.period = this.period;
        this.active.push(row.checkId);
      }
      t.counts[row.outcome] = (t.counts[row.outcome] ?? 0) + 1;
      if (row.latencyMs !== null && t.latencies.length < MAX_SAMPLES_PER_CHECK)
        t.latencies.push(row.latencyMs);
    }
  }

  /** Check ids seen in the open period (to resolve their owners before flushing). */
  checkIds(): number[] {
    return [...this.active];
  }

  /**
   * Closes the period. Results of checks without an owner (deleted meanwhile) are dropped.
   * Null when nothing arrived: no empty batches on the wire.
   */
  flush(ownerOf: (checkId: number) => CheckOwner | undefined): ResultSummaryBatch | null {
    const to = this.clock.now();
    const from = this.from;
    const active = this.active;
    this.from = to;
    this.active = [];
    this.period++;
    if (this.period % IDLE_PERIODS === 0) this.forgetIdle();
    const bySystem = new Map<string, { owner: CheckOwner; counts: number[]; latencies: number[] }>();
    for (const checkId of active) {
      const t = this.tallies.get(checkId)!;
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

  private forgetIdle(): void {
    for (const [checkId, t] of this.tallies)
      if (this.period - t.period > IDLE_PERIODS) this.tallies.delete(checkId);
  }
}
