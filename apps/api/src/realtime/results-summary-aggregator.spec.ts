import { CheckOutcome } from '@kuzet/contracts';
import type { CheckResultRow } from '../timeseries/check-result';
import { ResultsSummaryAggregator } from './results-summary-aggregator';

const row = (checkId: number, outcome: CheckOutcome, latencyMs: number | null): CheckResultRow => ({
  time: new Date(0),
  checkId,
  region: 'almaty',
  outcome,
  latencyMs,
  statusCode: null,
  errorClass: null,
});

describe('ResultsSummaryAggregator', () => {
  const clock = {
    t: Date.UTC(2026, 0, 1),
    now() {
      return this.t;
    },
  };
  const owners: Record<number, { system: string; agency: string }> = {
    1: { system: 'gateway', agency: 'nit' },
    2: { system: 'gateway', agency: 'nit' },
    3: { system: 'registry', agency: 'mju' },
  };
  const ownerOf = (id: number) => owners[id];

  it('groups one period per system: counts by outcome, median and max latency', () => {
    const agg = new ResultsSummaryAggregator(clock);
    agg.add([row(1, CheckOutcome.Up, 10), row(1, CheckOutcome.Up, 30), row(2, CheckOutcome.Degraded, 20)]);
    agg.add([
      row(2, CheckOutcome.Down, null),
      row(3, CheckOutcome.Unknown, null),
      row(3, CheckOutcome.Up, 7),
    ]);
    agg.add([row(99, CheckOutcome.Up, 1)]); // a check nobody owns any more
    expect(agg.checkIds().sort()).toEqual([1, 2, 3, 99]);
    clock.t += 5000;
    expect(agg.flush(ownerOf)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:05.000Z',
      systems: [
        {
          system: 'gateway',
          agency: 'nit',
          up: 2,
          degraded: 1,
          down: 1,
          unknown: 0,
          latency_p50_ms: 20,
          latency_max_ms: 30,
        },
        {
          system: 'registry',
          agency: 'mju',
          up: 1,
          degraded: 0,
          down: 0,
          unknown: 1,
          latency_p50_ms: 7,
          latency_max_ms: 7,
        },
      ],
    });
  });

  it('starts the next period where the last ended, and sends nothing for an empty period', () => {
    const agg = new ResultsSummaryAggregator(clock);
    clock.t += 1000;
    expect(agg.flush(ownerOf)).toBeNull();
    agg.add([row(3, CheckOutcome.Down, null), row(3, CheckOutcome.Up, 4), row(3, CheckOutcome.Up, 8)]);
    const start = clock.t;
    clock.t += 2000;
    const batch = agg.flush(ownerOf);
    expect(batch?.from).toBe(new Date(start).toISOString());
    expect(batch?.systems).toEqual([
      {
        system: 'registry',
        agency: 'mju',
        up: 2,
        degraded: 0,
        down: 1,
        unknown: 0,
        latency_p50_ms: 6,
        latency_max_ms: 8,
      },
    ]);
    expect(agg.checkIds()).toEqual([]);
    expect(agg.flush(ownerOf)).toBeNull();
  });

  it("a check's counts start again in each period, also after many empty periods", () => {
    const agg = new ResultsSummaryAggregator(clock);
    const upOf = (batch: ReturnType<ResultsSummaryAggregator['flush']>) =>
      batch?.systems.map((s) => [s.system, s.up, s.down]);
    agg.add([row(1, CheckOutcome.Up, 10), row(1, CheckOutcome.Up, 12)]);
    expect(upOf(agg.flush(ownerOf))).toEqual([['gateway', 2, 0]]);
    agg.add([row(1, CheckOutcome.Down, null)]);
    expect(upOf(agg.flush(ownerOf))).toEqual([['gateway', 0, 1]]);
    for (let i = 0; i < 30; i++) expect(agg.flush(ownerOf)).toBeNull();
    agg.add([row(1, CheckOutcome.Up, 5), row(3, CheckOutcome.Up, 6)]);
    expect(agg.checkIds()).toEqual([1, 3]);
    expect(upOf(agg.flush(ownerOf))).toEqual([
      ['gateway', 1, 0],
      ['registry', 1, 0],
    ]);
  });
});
