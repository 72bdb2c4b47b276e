import {
  BurnRateInput,
  burnRate,
  DEFAULT_SLO,
  evaluateBurnRate,
  resolveSlo,
  WindowCounts,
} from './burn-rate';

const bad = (n: number, total = 10_000): WindowCounts => ({ good: total - n, total });
const quiet = (): BurnRateInput => ({
  '5m': bad(0),
  '30m': bad(0),
  '1h': bad(0),
  '6h': bad(0),
  '3d': bad(0),
});
const names = (input: BurnRateInput, slo?: number) => evaluateBurnRate(input, slo).alerts.map((a) => a.name);

describe('burnRate', () => {
  it('is error rate / error budget', () => {
    expect(burnRate(bad(10), 0.999)).toBeCloseTo(1, 9);
    expect(burnRate(bad(144), 0.999)).toBeCloseTo(14.4, 9);
    expect(burnRate(bad(10_000), 0.999)).toBeCloseTo(1000, 6);
  });
  it('no traffic burns nothing; good > total is clamped', () => {
    expect(burnRate({ good: 0, total: 0 })).toBe(0);
    expect(burnRate({ good: 12, total: 10 })).toBe(0);
  });
  it('defaults to 99.9%', () => {
    expect(DEFAULT_SLO).toBe(0.999);
    expect(burnRate(bad(1, 1000))).toBeCloseTo(1, 9);
  });
});

describe('resolveSlo', () => {
  it('takes a valid per-system override, else the default', () => {
    expect(resolveSlo(0.995)).toBe(0.995);
    expect(resolveSlo(undefined)).toBe(0.999);
    expect(resolveSlo(null)).toBe(0.999);
    expect(resolveSlo(1)).toBe(0.999);
    expect(resolveSlo(0)).toBe(0.999);
    expect(resolveSlo(1.5, 0.99)).toBe(0.99);
  });
});

describe('evaluateBurnRate (multiwindow, multi-burn-rate)', () => {
  it('nothing fires when all is good', () => {
    const r = evaluateBurnRate(quiet());
    expect(r.alerts).toEqual([]);
    expect(r.page).toBe(false);
    expect(r.ticket).toBe(false);
    expect(r.burnRates).toEqual({ '5m': 0, '30m': 0, '1h': 0, '6h': 0, '3d': 0 });
  });

  it('page-fast fires at exactly 14.4 over 1h and 5m, not at 14.3', () => {
    const at = { ...quiet(), '1h': bad(144), '5m': bad(144) };
    expect(names(at)).toEqual(['page-fast']);
    const r = evaluateBurnRate(at);
    expect(r.page).toBe(true);
    expect(r.alerts[0]).toMatchObject({
      severity: 'page',
      longWindow: '1h',
      shortWindow: '5m',
      threshold: 14.4,
    });
    expect(r.alerts[0]!.longBurnRate).toBeCloseTo(14.4, 9);
    expect(names({ ...quiet(), '1h': bad(143), '5m': bad(144) })).toEqual([]);
    expect(names({ ...quiet(), '1h': bad(144), '5m': bad(143) })).toEqual([]);
  });

  it('needs BOTH windows: a burn that already stopped (long high, short low) does not page', () => {
    expect(names({ ...quiet(), '1h': bad(5000), '5m': bad(0) })).toEqual([]);
    expect(names({ ...quiet(), '1h': bad(0), '5m': bad(5000) })).toEqual([]);
  });

  it('page-slow fires at exactly 6 over 6h and 30m, not at 5.9', () => {
    expect(names({ ...quiet(), '6h': bad(60), '30m': bad(60) })).toEqual(['page-slow']);
    expect(names({ ...quiet(), '6h': bad(59), '30m': bad(60) })).toEqual([]);
    expect(names({ ...quiet(), '6h': bad(60), '30m': bad(59) })).toEqual([]);
  });

  it('ticket fires at exactly 1 over 3d and 6h, not at 0.9', () => {
    const r = evaluateBurnRate({ ...quiet(), '3d': bad(10), '6h': bad(10) });
    expect(r.alerts.map((a) => a.name)).toEqual(['ticket']);
    expect(r.ticket).toBe(true);
    expect(r.page).toBe(false);
    expect(names({ ...quiet(), '3d': bad(9), '6h': bad(10) })).toEqual([]);
    expect(names({ ...quiet(), '3d': bad(10), '6h': bad(9) })).toEqual([]);
  });

  it('a total outage fires everything', () => {
    const all = bad(10_000);
    expect(names({ '5m': all, '30m': all, '1h': all, '6h': all, '3d': all })).toEqual([
      'page-fast',
      'page-slow',
      'ticket',
    ]);
  });

  it('the 6h window serves both page-slow (long) and ticket (short)', () => {
    // 6h at 6 + 30m at 6 + 3d at 1: page-slow and ticket, not page-fast.
    expect(names({ ...quiet(), '6h': bad(60), '30m': bad(60), '3d': bad(10) })).toEqual([
      'page-slow',
      'ticket',
    ]);
  });

  it('honours a per-system SLO override (99%: budget 1%)', () => {
    const at = { ...quiet(), '1h': bad(1440), '5m': bad(1440) };
    expect(names(at, 0.99)).toEqual(['page-fast']);
    expect(names({ ...quiet(), '1h': bad(1439), '5m': bad(1440) }, 0.99)).toEqual([]);
    // The same counts against 99.9% burn 10x faster: every page-fast and page-slow window hot.
    expect(evaluateBurnRate(at).burnRates['1h']).toBeCloseTo(144, 6);
  });

  it('windows without traffic never fire', () => {
    const none = { good: 0, total: 0 };
    expect(names({ '5m': none, '30m': none, '1h': none, '6h': none, '3d': none })).toEqual([]);
  });

  it('rejects an SLO outside (0, 1)', () => {
    expect(() => evaluateBurnRate(quiet(), 1)).toThrow(RangeError);
    expect(() => evaluateBurnRate(quiet(), 0)).toThrow(RangeError);
    expect(() => evaluateBurnRate(quiet(), Number.NaN)).toThrow(RangeError);
  });
});
