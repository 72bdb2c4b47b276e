import { downtimeInRange, mtbf, mtta, mttr, reliabilityMetrics } from './reliability-metrics';

const MIN = 60_000;
const range = { from: 0, to: 1000 * MIN };

describe('reliability metrics', () => {
  const incidents = [
    { openedAt: 100 * MIN, acknowledgedAt: 105 * MIN, resolvedAt: 130 * MIN },
    { openedAt: 400 * MIN, acknowledgedAt: 415 * MIN, resolvedAt: 450 * MIN },
    { openedAt: 900 * MIN, acknowledgedAt: null, resolvedAt: null },
  ];

  it('MTTA averages open -> ack over acknowledged incidents', () => {
    expect(mtta(incidents, range)).toBe(10 * MIN);
  });
  it('MTTR averages open -> resolve over resolved incidents', () => {
    expect(mttr(incidents, range)).toBe(40 * MIN);
  });
  it('MTBF = (range - downtime) / incidents; an open incident counts as down until `to`', () => {
    // downtime 30 + 50 + 100 = 180 min; (1000 - 180) / 3
    expect(downtimeInRange(incidents, range)).toBe(180 * MIN);
    expect(mtbf(incidents, range)).toBeCloseTo((820 * MIN) / 3, 6);
  });
  it('null when nothing to average; MTBF null without failures', () => {
    expect(reliabilityMetrics([], range)).toEqual({
      count: 0,
      mttaMs: null,
      mttrMs: null,
      mtbfMs: null,
      downtimeMs: 0,
    });
    expect(mtta([{ openedAt: 10 }], range)).toBeNull();
    expect(mttr([{ openedAt: 10, acknowledgedAt: 20 }], range)).toBeNull();
  });
  it('only incidents opened in [from, to) count for MTTA/MTTR/MTBF; `to` is exclusive', () => {
    const edge = [
      { openedAt: range.to, acknowledgedAt: range.to + MIN, resolvedAt: range.to + 2 * MIN },
      { openedAt: range.from, acknowledgedAt: range.from + 2 * MIN, resolvedAt: range.from + 4 * MIN },
      {
        openedAt: range.from - MIN,
        acknowledgedAt: range.from + 60 * MIN,
        resolvedAt: range.from + 60 * MIN,
      },
    ];
    const m = reliabilityMetrics(edge, range);
    expect(m.count).toBe(1);
    expect(m.mttaMs).toBe(2 * MIN);
    expect(m.mttrMs).toBe(4 * MIN);
  });
  it('downtime clips to the range and merges overlaps, including incidents opened before it', () => {
    const list = [
      { openedAt: -50 * MIN, resolvedAt: 10 * MIN },
      { openedAt: 5 * MIN, resolvedAt: 20 * MIN },
      { openedAt: 15 * MIN, resolvedAt: 18 * MIN },
      { openedAt: 990 * MIN, resolvedAt: 2000 * MIN },
      { openedAt: 2000 * MIN, resolvedAt: 3000 * MIN },
    ];
    expect(downtimeInRange(list, range)).toBe(30 * MIN);
  });
  it('clock skew (ack before open) counts as 0', () => {
    expect(mtta([{ openedAt: 10 * MIN, acknowledgedAt: 9 * MIN }], range)).toBe(0);
  });
  it('adjacent incidents do not double count', () => {
    expect(
      downtimeInRange(
        [
          { openedAt: 0, resolvedAt: 10 * MIN },
          { openedAt: 10 * MIN, resolvedAt: 20 * MIN },
        ],
        range,
      ),
    ).toBe(20 * MIN);
  });
});
