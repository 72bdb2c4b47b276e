import type { ResultRecord } from '@kuzet/contracts';
import { AssignmentHistory } from '../assignment/assignment-history';
import { admitResults } from './result-admission';

const HOUR = 3_600_000;
const now = Date.parse('2026-12-03T08:00:00Z');
const record = (checkId: number, region: string, plannedAt: number, extra: Partial<ResultRecord> = {}): ResultRecord => ({
  check_id: checkId,
  region,
  planned_at: plannedAt,
  outcome: 0,
  latency_ms: 1,
  status_code: 200,
  error_class: null,
  ...extra,
});

describe('result admission', () => {
  const history = new AssignmentHistory(HOUR);
  history.update([{ id: 1, regions: ['local', 'almaty'] }, { id: 2, regions: ['almaty'] }], now - 2 * HOUR);
  // Check 2 left almaty 10 minutes ago; check 3 was never known.
  history.update([{ id: 1, regions: ['local', 'almaty'] }], now - 10 * 60_000);
  const rules = {
    now,
    clockSkewMs: 5_000,
    replayHorizonMs: HOUR,
    served: (c: number, r: string, t: number) => history.served(c, r, t, 5_000),
  };

  it('admits assigned checks within [now - horizon, now + skew], rechecks off the grid included', () => {
    const ok = [record(1, 'local', now - 1000), record(1, 'almaty', now + 4_999), record(1, 'local', now - HOUR), record(1, 'local', now - 123, { recheck: true })];
    expect(admitResults(ok, rules)).toEqual({ admitted: ok, rejected: {} });
  });

  it('counts every rejection by reason', () => {
    const { admitted, rejected } = admitResults(
      [
        record(1, 'local', now + 5_001),
        record(1, 'local', now + 40 * 60_000),
        record(1, 'local', now - HOUR - 1),
        record(1, 'astana', now - 1000),
        record(3, 'local', now - 1000),
        record(999, 'local', now + 10 * HOUR),
      ],
      rules,
    );
    expect(admitted).toEqual([]);
    expect(rejected).toEqual({ planned_in_future: 3, too_old: 1, region_not_assigned: 1, unknown_check: 1 });
  });

  it('accepts a check that left the region only for runs planned before it left', () => {
    expect(admitResults([record(2, 'almaty', now - 11 * 60_000)], rules).rejected).toEqual({});
    expect(admitResults([record(2, 'almaty', now - 60_000)], rules).rejected).toEqual({ region_not_assigned: 1 });
  });

  it('forgets a departed pair after the horizon', () => {
    const h = new AssignmentHistory(HOUR);
    h.update([{ id: 7, regions: ['local'] }], now - 3 * HOUR);
    h.update([], now - 2 * HOUR);
    expect(h.served(7, 'local', now - 2 * HOUR - 1000, 0)).toBe('assigned');
    h.update([], now);
    expect(h.served(7, 'local', now - 2 * HOUR - 1000, 0)).toBe('unknown_check');
  });
});
