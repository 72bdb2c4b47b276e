import { BURN_WINDOWS } from '@kuzet/detection';
import type { BurnWindow } from '@kuzet/detection';
import { burnSeries, BurnSample } from './slo-metrics';

const rates = (v: number): Record<BurnWindow, number> => Object.fromEntries(BURN_WINDOWS.map((w, i) => [w, v + i])) as Record<BurnWindow, number>;

describe('burnSeries', () => {
  const samples: BurnSample[] = [
    { system: 'portal', agency: 'mid', isPublic: true, burnRates: rates(1) },
    { system: 'gateway', agency: 'mid', isPublic: false, burnRates: rates(10) },
    { system: 'registry', agency: 'moj', isPublic: true, burnRates: rates(0) },
  ];

  it('gives one series per agency and window by default, the worst system of the agency', () => {
    const series = burnSeries(samples, false);
    expect(series).toHaveLength(2 * BURN_WINDOWS.length);
    expect(series.every((s) => s.labels.system === undefined)).toBe(true);
    expect(series.find((s) => s.labels.agency === 'mid' && s.labels.window === BURN_WINDOWS[0])?.value).toBe(10);
    expect(series.find((s) => s.labels.agency === 'moj' && s.labels.window === BURN_WINDOWS[1])?.value).toBe(1);
  });

  it('does not grow with the number of systems of an agency', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ system: `s${i}`, agency: `a${i % 3}`, isPublic: true, burnRates: rates(i) }));
    expect(burnSeries(many, false)).toHaveLength(3 * BURN_WINDOWS.length);
  });

  it('gives one series per system and window with the per-system option', () => {
    const series = burnSeries(samples, true);
    expect(series).toHaveLength(3 * BURN_WINDOWS.length);
    expect(series).toContainEqual({ labels: { agency: 'mid', system: 'gateway', window: BURN_WINDOWS[0] }, value: 10 });
  });
});
