import { resolveScoresQuery } from './scores-query';

describe('resolveScoresQuery', () => {
  it('defaults to JSON, a 90-day trend and the top 3 findings', () => {
    expect(resolveScoresQuery(undefined)).toEqual({ trendDays: 90, top: 3, format: 'json' });
    expect(resolveScoresQuery({ trend_days: '7', top: '0', format: 'csv' })).toEqual({ trendDays: 7, top: 0, format: 'csv' });
  });

  it.each([
    [{ format: 'xml' }, /^format: /],
    [{ trend_days: '0' }, /^trend_days: /],
    [{ trend_days: '401' }, /^trend_days: /],
    [{ trend_days: '1e2' }, /^trend_days: /],
    [{ top: '-1' }, /^top: /],
    [{ top: '51' }, /^top: /],
  ])('refuses %p with a 400 naming the field', (query, message) => {
    expect(() => resolveScoresQuery(query)).toThrow(message);
    try {
      resolveScoresQuery(query);
    } catch (err) {
      expect((err as { getStatus(): number }).getStatus()).toBe(400);
    }
  });
});
