import { MIN_RAW_RETENTION_DAYS, retentionSettings } from './retention-settings';
import { desiredTimescalePolicies } from './timescale-policies';

describe('retentionSettings', () => {
  it('takes the configuration as is when it is consistent', () => {
    expect(
      retentionSettings({ rawRetentionDays: 30, rollupRetentionDays: 1825, compressAfterDays: 3 }),
    ).toEqual({
      rawDays: 30,
      minuteRollupDays: 30,
      rollupDays: 1825,
      compressAfterDays: 3,
      adjustments: [],
    });
  });

  it('keeps raw results longer than the longest rollup lookback', () => {
    expect(MIN_RAW_RETENTION_DAYS).toBe(5);
    const s = retentionSettings({ rawRetentionDays: 1, rollupRetentionDays: 3, compressAfterDays: 1 });
    expect(s.rawDays).toBe(5);
    expect(s.rollupDays).toBe(5);
    expect(s.adjustments).toHaveLength(2);
    expect(s.adjustments[0]).toMatch(/KUZET_RAW_RETENTION_DAYS=1/);
  });
});

describe('desiredTimescalePolicies', () => {
  it('covers raw retention and compression and the three rollups', () => {
    const policies = desiredTimescalePolicies(
      retentionSettings({ rawRetentionDays: 30, rollupRetentionDays: 730, compressAfterDays: 2 }),
    );
    expect(policies).toEqual([
      { kind: 'retention', relation: 'check_results', days: 30 },
      { kind: 'compression', relation: 'check_results', days: 2 },
      { kind: 'retention', relation: 'check_rollup_1m', days: 30 },
      { kind: 'retention', relation: 'check_rollup_1h', days: 730 },
      { kind: 'retention', relation: 'check_rollup_1d', days: 730 },
    ]);
  });
});
