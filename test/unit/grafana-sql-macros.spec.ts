import { expandGrafanaSql } from '../integration/grafana/support/grafana-sql-macros';

const ctx = { from: new Date('2026-01-05T10:00:00Z'), to: new Date('2026-01-05T12:00:00Z'), variables: { agency: ['nit', "o'k"], one: ['x'] } };
const defs = [
  { name: 'agency', type: 'query', multi: true },
  { name: 'one', type: 'query' },
];

describe('expandGrafanaSql (test helper for dashboard SQL)', () => {
  it('expands time macros as Grafana documents them', () => {
    expect(expandGrafanaSql("SELECT $__timeGroupAlias(r.bucket, '1h'), 1 FROM t r WHERE $__timeFilter(r.bucket) AND x < $__timeTo()", ctx, defs)).toBe(
      "SELECT floor(extract(epoch from r.bucket)/3600)*3600 AS \"time\", 1 FROM t r WHERE r.bucket BETWEEN '2026-01-05T10:00:00.000Z' AND '2026-01-05T12:00:00.000Z' AND x < '2026-01-05T12:00:00.000Z'",
    );
  });

  it('quotes multi-valued and :sqlstring variables, leaves single values raw', () => {
    expect(expandGrafanaSql('a IN ($agency) AND b = ${one:sqlstring} AND c = $one AND d IN (${agency})', ctx, defs)).toBe(
      "a IN ('nit','o''k') AND b = 'x' AND c = x AND d IN ('nit','o''k')",
    );
  });

  it('refuses macros and variables it does not know', () => {
    expect(() => expandGrafanaSql('SELECT $__timeShift(x)', ctx, defs)).toThrow(/unsupported Grafana macro/);
    expect(() => expandGrafanaSql('SELECT $__interval_ms', ctx, defs)).toThrow(/unsupported Grafana macro/);
    expect(() => expandGrafanaSql('SELECT $nope', ctx, defs)).toThrow(/unknown template variable/);
  });
});
