import {
  bucketExpression,
  buildContinuousAggregateDdl,
  buildPlainRollupTableDdl,
  buildPlainRollupUpsert,
  buildRefreshPolicySql,
  buildRollupSelect,
  ROLLUP_COLUMN_NAMES,
} from './rollup-sql';

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('rollup SQL builder', () => {
  it('has one column list for every resolution and mode', () => {
    expect(ROLLUP_COLUMN_NAMES).toEqual([
      'bucket',
      'check_id',
      'region',
      'total',
      'up_count',
      'degraded_count',
      'down_count',
      'unknown_count',
      'latency_min',
      'latency_max',
      'latency_avg',
      'latency_p50',
      'latency_p95',
      'latency_p99',
    ]);
  });

  it("buckets with time_bucket for TimescaleDB and date_bin on TimescaleDB's origin for PostgreSQL", () => {
    expect(bucketExpression('1m', 'time_bucket')).toBe(`time_bucket(INTERVAL '1 minute', time)`);
    expect(bucketExpression('1h', 'date_bin')).toBe(
      `date_bin(INTERVAL '1 hour', time, TIMESTAMPTZ '2000-01-03 00:00:00+00')`,
    );
    expect(bucketExpression('1d', 'date_bin')).toContain(`INTERVAL '1 day'`);
  });

  it('computes counts by outcome code and latency statistics with explicit types', () => {
    const sql = normalise(buildRollupSelect('1h', 'time_bucket'));
    expect(sql).toContain('(count(*))::integer AS total');
    expect(sql).toContain('(count(*) FILTER (WHERE outcome = 0))::integer AS up_count');
    expect(sql).toContain('(count(*) FILTER (WHERE outcome = 1))::integer AS degraded_count');
    expect(sql).toContain('(count(*) FILTER (WHERE outcome = 2))::integer AS down_count');
    expect(sql).toContain('(count(*) FILTER (WHERE outcome = 3))::integer AS unknown_count');
    expect(sql).toContain('(min(latency_ms))::real AS latency_min');
    expect(sql).toContain('(avg(latency_ms))::double precision AS latency_avg');
    expect(sql).toContain(
      '(percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms))::double precision AS latency_p95',
    );
    expect(sql).toMatch(/FROM check_results GROUP BY 1, check_id, region$/);
  });

  it('differs between modes only in the bucket expression', () => {
    for (const res of ['1m', '1h', '1d'] as const) {
      const ts = buildRollupSelect(res, 'time_bucket').replace(
        bucketExpression(res, 'time_bucket'),
        'BUCKET',
      );
      const plain = buildRollupSelect(res, 'date_bin').replace(bucketExpression(res, 'date_bin'), 'BUCKET');
      expect(plain).toBe(ts);
    }
  });

  it('restricts raw rows to a half-open range when asked', () => {
    expect(normalise(buildRollupSelect('1m', 'date_bin', { timeRange: ['$1', '$2'] }))).toContain(
      'FROM check_results WHERE time >= $1::timestamptz AND time < $2::timestamptz GROUP BY',
    );
  });

  it('defines real-time continuous aggregates created empty, with refresh policies', () => {
    const ddl = normalise(buildContinuousAggregateDdl('1d'));
    expect(ddl).toMatch(
      /^CREATE MATERIALIZED VIEW check_rollup_1d WITH \(timescaledb\.continuous, timescaledb\.materialized_only = false\) AS SELECT time_bucket\(INTERVAL '1 day', time\) AS bucket/,
    );
    expect(ddl).toMatch(/WITH NO DATA$/);
    expect(buildRefreshPolicySql('1m')).toBe(
      `SELECT add_continuous_aggregate_policy('check_rollup_1m', start_offset => INTERVAL '2 days', end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute', if_not_exists => true)`,
    );
  });

  it('defines plain tables with the same columns and types, keyed by (bucket, check_id, region)', () => {
    const ddl = normalise(buildPlainRollupTableDdl('1h'));
    expect(ddl).toBe(
      'CREATE TABLE check_rollup_1h ( bucket timestamptz NOT NULL, check_id integer NOT NULL, region text NOT NULL, total integer NOT NULL, ' +
        'up_count integer, degraded_count integer, down_count integer, unknown_count integer, latency_min real, latency_max real, ' +
        'latency_avg double precision, latency_p50 double precision, latency_p95 double precision, latency_p99 double precision, ' +
        'PRIMARY KEY (bucket, check_id, region) )',
    );
  });

  it('upserts whole buckets from the shared SELECT and returns the row count', () => {
    const sql = normalise(buildPlainRollupUpsert('1m'));
    expect(sql).toContain(
      `INSERT INTO check_rollup_1m (${ROLLUP_COLUMN_NAMES.join(', ')}) ${normalise(buildRollupSelect('1m', 'date_bin', { timeRange: ['$1', '$2'] }))}`,
    );
    expect(sql).toContain(
      'ON CONFLICT (bucket, check_id, region) DO UPDATE SET total = EXCLUDED.total, up_count = EXCLUDED.up_count',
    );
    expect(sql).toContain(
      'latency_p99 = EXCLUDED.latency_p99 RETURNING 1) SELECT count(*)::int AS rows FROM upserted',
    );
  });
});
