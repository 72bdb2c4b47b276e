import type { ResultRecord } from '@kuzet/contracts';
import { latestPerCheckRegion, toCheckResultRow } from './result-row.mapper';

const record = (check_id: number, region: string, planned_at: number, outcome: 0 | 1 | 2 | 3 = 0): ResultRecord => ({
  check_id,
  region,
  planned_at,
  outcome,
  latency_ms: 5,
  status_code: null,
  error_class: outcome === 2 ? 'connect' : null,
});

describe('result row mapping', () => {
  it('uses planned_at as the row time and keeps the narrow fields', () => {
    expect(toCheckResultRow(record(3, 'local', 1_700_000_000_000, 2))).toEqual({
      time: new Date(1_700_000_000_000),
      checkId: 3,
      region: 'local',
      outcome: 2,
      latencyMs: 5,
      statusCode: null,
      errorClass: 'connect',
    });
  });

  it('picks the newest record per check and region', () => {
    const latest = latestPerCheckRegion([record(1, 'a', 10), record(1, 'a', 30), record(1, 'b', 20), record(1, 'a', 20)]);
    expect(latest.map((r) => [r.region, r.planned_at]).sort()).toEqual([
      ['a', 30],
      ['b', 20],
    ]);
  });
});
