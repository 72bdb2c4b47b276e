import { errorRate, errorRateStatus, failingShareStatus } from './partial-outage';

describe('errorRateStatus', () => {
  it('below 5% is operational, 5% is partial (inclusive)', () => {
    expect(errorRateStatus({ failed: 4, total: 100 })).toBe('operational');
    expect(errorRateStatus({ failed: 5, total: 100 })).toBe('partial_outage');
    expect(errorRateStatus({ failed: 1, total: 20 })).toBe('partial_outage');
    expect(errorRateStatus({ failed: 0, total: 100 })).toBe('operational');
  });
  it('just below 50% is partial, 50% is major (inclusive)', () => {
    expect(errorRateStatus({ failed: 49, total: 100 })).toBe('partial_outage');
    expect(errorRateStatus({ failed: 50, total: 100 })).toBe('major_outage');
    expect(errorRateStatus({ failed: 1, total: 2 })).toBe('major_outage');
    expect(errorRateStatus({ failed: 100, total: 100 })).toBe('major_outage');
  });
  it('exact boundaries survive float rounding (7% of 100 with partialAt 0.07)', () => {
    expect(errorRateStatus({ failed: 7, total: 100 }, { partialAt: 0.07, majorAt: 0.5 })).toBe(
      'partial_outage',
    );
    expect(errorRateStatus({ failed: 3, total: 10 }, { partialAt: 0.1, majorAt: 0.3 })).toBe('major_outage');
  });
  it('no results is operational (no evidence)', () => {
    expect(errorRateStatus({ failed: 0, total: 0 })).toBe('operational');
  });
  it('honours custom thresholds', () => {
    const t = { partialAt: 0.1, majorAt: 0.9 };
    expect(errorRateStatus({ failed: 9, total: 100 }, t)).toBe('operational');
    expect(errorRateStatus({ failed: 89, total: 100 }, t)).toBe('partial_outage');
    expect(errorRateStatus({ failed: 90, total: 100 }, t)).toBe('major_outage');
  });
  it('errorRate is failed / total, 0 without results', () => {
    expect(errorRate({ failed: 1, total: 4 })).toBe(0.25);
    expect(errorRate({ failed: 0, total: 0 })).toBe(0);
  });
});

describe('failingShareStatus', () => {
  it('none failing -> operational, some -> partial, all -> major', () => {
    expect(failingShareStatus(0, 5)).toBe('operational');
    expect(failingShareStatus(1, 5)).toBe('partial_outage');
    expect(failingShareStatus(4, 5)).toBe('partial_outage');
    expect(failingShareStatus(5, 5)).toBe('major_outage');
    expect(failingShareStatus(1, 1)).toBe('major_outage');
  });
  it('nothing to count is operational', () => {
    expect(failingShareStatus(0, 0)).toBe('operational');
  });
});
