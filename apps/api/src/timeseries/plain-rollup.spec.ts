import { bucketRangesToRecompute } from './plain-rollup';

const t = (iso: string) => new Date(iso);
const ms = (iso: string) => t(iso).getTime();

describe('bucketRangesToRecompute', () => {
  it('widens each invalidated range to whole buckets', () => {
    expect(
      bucketRangesToRecompute([{ lo: t('2026-11-26T10:00:10Z'), hi: t('2026-11-26T10:02:00Z') }], '1m', 0),
    ).toEqual([{ from: ms('2026-11-26T10:00:00Z'), to: ms('2026-11-26T10:03:00Z') }]);
    expect(
      bucketRangesToRecompute([{ lo: t('2026-11-26T10:30:00Z'), hi: t('2026-11-26T10:30:00Z') }], '1d', 0),
    ).toEqual([{ from: ms('2026-11-26T00:00:00Z'), to: ms('2026-11-27T00:00:00Z') }]);
  });

  it('merges ranges that overlap or touch, keeps islands apart, sorted', () => {
    const ranges = bucketRangesToRecompute(
      [
        { lo: t('2026-11-26T12:00:00Z'), hi: t('2026-11-26T12:05:00Z') },
        { lo: t('2026-11-26T10:00:00Z'), hi: t('2026-11-26T10:00:30Z') },
        { lo: t('2026-11-26T10:01:00Z'), hi: t('2026-11-26T10:01:59Z') },
        { lo: t('2026-11-26T12:03:00Z'), hi: t('2026-11-26T12:10:00Z') },
      ],
      '1m',
      0,
    );
    expect(ranges).toEqual([
      { from: ms('2026-11-26T10:00:00Z'), to: ms('2026-11-26T10:02:00Z') },
      { from: ms('2026-11-26T12:00:00Z'), to: ms('2026-11-26T12:11:00Z') },
    ]);
    expect(
      bucketRangesToRecompute([{ lo: t('2026-11-26T10:10:00Z'), hi: t('2026-11-26T12:10:00Z') }], '1h', 0),
    ).toEqual([{ from: ms('2026-11-26T10:00:00Z'), to: ms('2026-11-26T13:00:00Z') }]);
  });

  it('leaves out buckets that start before the lookback (like the continuous aggregate refresh window)', () => {
    const oldest = ms('2026-11-26T10:00:30Z');
    expect(
      bucketRangesToRecompute(
        [{ lo: t('2026-11-26T09:00:00Z'), hi: t('2026-11-26T10:05:00Z') }],
        '1m',
        oldest,
      ),
    ).toEqual([{ from: ms('2026-11-26T10:01:00Z'), to: ms('2026-11-26T10:06:00Z') }]);
    expect(
      bucketRangesToRecompute(
        [{ lo: t('2026-11-20T09:00:00Z'), hi: t('2026-11-20T10:05:00Z') }],
        '1m',
        oldest,
      ),
    ).toEqual([]);
  });

  it('returns nothing for nothing', () => {
    expect(bucketRangesToRecompute([], '1h', 0)).toEqual([]);
  });
});
