import { CheckOutcome } from './check-outcome';
import type { CheckResultRow } from './check-result';
import {
  buildInsertBatch,
  buildRetentionDeleteBatch,
  buildRollupSeriesQuery,
  INSERT_BATCH_SQL,
} from './check-results.sql';
import { InvalidCheckResultError } from './timeseries.errors';

const row = (overrides: Partial<CheckResultRow> = {}): CheckResultRow => ({
  time: new Date('2026-11-26T10:00:00Z'),
  checkId: 7,
  region: 'almaty',
  outcome: CheckOutcome.Up,
  latencyMs: 12.5,
  statusCode: 200,
  errorClass: null,
  ...overrides,
});

describe('buildInsertBatch', () => {
  it('is one statement with eight array parameters whatever the batch size', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      row({ time: new Date(Date.UTC(2026, 0, 1) + i * 1000) }),
    );
    const { sql, params } = buildInsertBatch(rows);
    expect(sql).toBe(INSERT_BATCH_SQL);
    expect(params).toHaveLength(8);
    for (const p of params) expect(p).toHaveLength(50_000);
    expect(sql).toContain('ON CONFLICT (check_id, region, time) DO NOTHING');
    expect(sql).toContain('SELECT count(*)::int AS inserted FROM inserted');
  });

  it('passes columns in order, nulls kept', () => {
    const { params } = buildInsertBatch([
      row(),
      row({
        outcome: CheckOutcome.Down,
        latencyMs: null,
        statusCode: null,
        errorClass: 'dns',
        region: 'astana',
      }),
    ]);
    expect(params).toEqual([
      [new Date('2026-11-26T10:00:00Z'), new Date('2026-11-26T10:00:00Z')],
      [7, 7],
      ['almaty', 'astana'],
      [0, 2],
      [12.5, null],
      [200, null],
      [null, 'dns'],
      [false, false],
    ]);
  });

  it.each([
    ['an outcome outside 0..3', { outcome: 4 as CheckOutcome }],
    ['an unknown error class', { errorClass: 'teapot' as never }],
    ['an invalid date', { time: new Date('x') }],
    ['a fractional check id', { checkId: 1.5 }],
    ['an empty region', { region: '' }],
    ['a negative latency', { latencyMs: -1 }],
    ['a status code out of range', { statusCode: 70_000 }],
  ])('rejects %s', (_, overrides) => {
    expect(() => buildInsertBatch([row(), row(overrides)])).toThrow(InvalidCheckResultError);
  });
});

describe('buildRollupSeriesQuery', () => {
  it('reads one check from the relation of the resolution, optionally one region', () => {
    const from = new Date('2026-11-26T00:00:00Z');
    const to = new Date('2026-11-27T00:00:00Z');
    const all = buildRollupSeriesQuery('1h', { checkId: 3, from, to });
    expect(all.sql).toMatch(
      /FROM check_rollup_1h\nWHERE check_id = \$1 AND bucket >= \$2::timestamptz AND bucket < \$3::timestamptz\nORDER BY bucket, region$/,
    );
    expect(all.params).toEqual([3, from, to]);
    const one = buildRollupSeriesQuery('1d', { checkId: 3, from, to, region: 'almaty' });
    expect(one.sql).toContain('FROM check_rollup_1d');
    expect(one.sql).toContain('AND region = $4');
    expect(one.params).toEqual([3, from, to, 'almaty']);
  });
});

describe('buildRetentionDeleteBatch', () => {
  it('deletes a bounded batch by ctid and returns the count', () => {
    const sql = buildRetentionDeleteBatch('check_rollup_1h', 'bucket');
    expect(sql).toContain('DELETE FROM check_rollup_1h');
    expect(sql).toContain(
      'WHERE ctid = ANY (ARRAY(SELECT ctid FROM check_rollup_1h WHERE bucket < $1::timestamptz LIMIT $2))',
    );
    expect(sql).toContain('SELECT count(*)::int AS deleted FROM doomed');
  });
});
