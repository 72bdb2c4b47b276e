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
      recheck: false,
      failureWords: 'connection failed',
    });
    expect(toCheckResultRow({ ...record(3, 'local', 1_700_000_000_500, 2), recheck: true }).recheck).toBe(true);
    expect(toCheckResultRow(record(3, 'local', 1_700_000_000_000, 0))).not.toHaveProperty('failureWords');
  });

  it('puts the error in plain words for the incident cause, without the target', () => {
    const refused = toCheckResultRow({
      ...record(3, 'local', 1_700_000_000_000, 2),
      error_message: 'connect ECONNREFUSED 127.0.0.1:4101',
    });
    expect(refused.failureWords).toBe('connection refused');
    const hung = toCheckResultRow({
      ...record(3, 'local', 1_700_000_000_000, 2),
      error_class: 'timeout',
      error_message: 'no complete answer within 10000 ms',
    });
    expect(hung.failureWords).toBe('timeout after 10 s');
    const http = toCheckResultRow({ ...record(3, 'local', 1, 2), error_class: 'status', status_code: 503, error_message: 'HTTP 503, expected 200-399' });
    expect(http.failureWords).toBe('HTTP 503');
  });

  it('picks the newest record per check and region', () => {
    const latest = latestPerCheckRegion([record(1, 'a', 10), record(1, 'a', 30), record(1, 'b', 20), record(1, 'a', 20)]);
    expect(latest.map((r) => [r.region, r.planned_at]).sort()).toEqual([
      ['a', 30],
      ['b', 20],
    ]);
  });
});
