import { CheckOutcome, ErrorClass } from '../../../apps/api/src/timeseries/check-outcome';
import type { CheckResultRow } from '../../../apps/api/src/timeseries/check-result';

export interface DatasetOptions {
  checkIds: number[];
  regions: string[];
  start: Date;
  count: number;
  stepSeconds: number;
  seed?: number;
}

/**
 * Reproducible check results: a fixed pseudo-random sequence (LCG) of outcomes and latencies.
 * Latencies are multiples of 0.25 ms, exactly representable, so sums (avg) do not depend on
 * the order in which a server scans rows.
 */
export function deterministicResults(options: DatasetOptions): CheckResultRow[] {
  let state = options.seed ?? 20261126;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const rows: CheckResultRow[] = [];
  for (const checkId of options.checkIds) {
    for (const region of options.regions) {
      for (let i = 0; i < options.count; i++) {
        const time = new Date(options.start.getTime() + i * options.stepSeconds * 1000);
        const r = next();
        const latency = Math.round((20 + next() * 900) * 4) / 4;
        if (r < 0.8) rows.push(row(time, checkId, region, CheckOutcome.Up, latency, 200, null));
        else if (r < 0.9)
          rows.push(row(time, checkId, region, CheckOutcome.Degraded, latency + 2000, 200, null));
        else if (r < 0.94) rows.push(row(time, checkId, region, CheckOutcome.Down, 10_000, null, 'timeout'));
        else if (r < 0.97) rows.push(row(time, checkId, region, CheckOutcome.Down, latency, 503, 'status'));
        else if (r < 0.98) rows.push(row(time, checkId, region, CheckOutcome.Down, null, null, 'dns'));
        else rows.push(row(time, checkId, region, CheckOutcome.Unknown, null, null, null));
      }
    }
  }
  return rows;
}

function row(
  time: Date,
  checkId: number,
  region: string,
  outcome: CheckOutcome,
  latencyMs: number | null,
  statusCode: number | null,
  errorClass: ErrorClass | null,
): CheckResultRow {
  return { time, checkId, region, outcome, latencyMs, statusCode, errorClass };
}

/** Splits into batches of `size` (what ingest does). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
