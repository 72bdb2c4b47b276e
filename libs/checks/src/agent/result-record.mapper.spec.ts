import { resultRecordSchema } from '@kuzet/contracts';
import { CheckOutcome, CheckRunResult } from '../check-run-result';
import { toResultRecord } from './result-record.mapper';

const base: CheckRunResult = {
  outcome: CheckOutcome.Down,
  errorClass: 'status',
  errorMessage: 'x'.repeat(900),
  latencyMs: 40.2,
  statusCode: 503,
  timings: { dnsMs: 1, connectMs: 2, totalMs: 40.2 },
  conditions: [{ condition: '[STATUS] == 200', success: false, actual: '503' }],
  headers: { server: 'nginx/1.18.0' },
  tls: undefined,
};

describe('toResultRecord', () => {
  it('maps a runner result to a protocol record the schema accepts', () => {
    const r = toResultRecord(base, { checkId: 7, region: 'local', plannedAt: 1_700_000_000_123.4 });
    expect(resultRecordSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      check_id: 7,
      region: 'local',
      planned_at: 1_700_000_000_123,
      outcome: 2,
      latency_ms: 40.2,
      status_code: 503,
      error_class: 'status',
      conditions: [{ condition: '[STATUS] == 200', success: false, actual: '503' }],
      details: { timings: { dnsMs: 1, connectMs: 2, totalMs: 40.2 }, headers: { server: 'nginx/1.18.0' } },
    });
    expect(r.error_message!.length).toBeLessThanOrEqual(500);
  });

  it('nulls what the runner did not report', () => {
    const r = toResultRecord(
      { outcome: CheckOutcome.Up, latencyMs: 3, timings: { totalMs: 3 }, conditions: [] },
      { checkId: 1, region: 'r', plannedAt: 5 },
    );
    expect(r).toMatchObject({ status_code: null, error_class: null, error_message: null, outcome: 0 });
  });

  it('turns Down into Unknown only when the probe network is down', () => {
    expect(toResultRecord(base, { checkId: 1, region: 'r', plannedAt: 5, networkDown: true }).outcome).toBe(3);
    const degraded = { ...base, outcome: CheckOutcome.Degraded };
    expect(toResultRecord(degraded, { checkId: 1, region: 'r', plannedAt: 5, networkDown: true }).outcome).toBe(1);
  });
});
