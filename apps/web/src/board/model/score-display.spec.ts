import { formatScore, sparklinePoints, trendChange } from './score-display';

describe('score display', () => {
  it('draws a 0-100 trend with 100 at the top of the box', () => {
    expect(sparklinePoints([{ score: 100 }, { score: 50 }, { score: 0 }], 100, 20)).toBe('0.0,0.0 50.0,10.0 100.0,20.0');
  });

  it('draws one day as a flat line across the box, and nothing for no day', () => {
    expect(sparklinePoints([{ score: 75 }], 80, 20)).toBe('0,5.0 80,5.0');
    expect(sparklinePoints([], 80, 20)).toBe('');
  });

  it('keeps points inside the box for out-of-range scores', () => {
    expect(sparklinePoints([{ score: 140 }, { score: -5 }], 10, 10)).toBe('0.0,0.0 10.0,10.0');
  });

  it('tells the change from the first to the last day', () => {
    expect(trendChange([{ score: 61.2 }, { score: 70 }, { score: 74.4 }])).toBe(13.2);
    expect(trendChange([{ score: 61.2 }])).toBe(0);
  });

  it('shows whole scores without a decimal', () => {
    expect(formatScore(72)).toBe('72');
    expect(formatScore(72.46)).toBe('72.5');
  });
});
