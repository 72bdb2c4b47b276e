import { availabilityShare, incidentsShare, mtbfShare, mttrShare, reliabilityComponent } from './reliability-component';
import { reliabilityEvidence } from './scoring-evidence.fixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('reliability component (35 points)', () => {
  it('availability at or above the SLO keeps all 20; two nines below it keeps none', () => {
    expect(availabilityShare(0.9995, 0.999)).toBe(1);
    expect(availabilityShare(0.999, 0.999)).toBe(1);
    expect(availabilityShare(0.99, 0.999)).toBeCloseTo(0.5, 10);
    expect(availabilityShare(0.9, 0.999)).toBeCloseTo(0, 10);
    expect(availabilityShare(0.5, 0.999)).toBe(0);
    // the scale follows the SLO: 99% against a 99% SLO is full, 98% about three quarters
    expect(availabilityShare(0.99, 0.99)).toBe(1);
    expect(availabilityShare(0.98, 0.99)).toBeCloseTo((-Math.log10(0.02) - 0) / 2, 10);
  });

  it('MTTR by DORA bands: an hour, a day, a week', () => {
    expect([null, HOUR, 2 * HOUR, DAY, 3 * DAY, 8 * DAY].map(mttrShare)).toEqual([1, 1, 0.6, 0.6, 0.2, 0]);
  });

  it('MTBF: full from 7 days, half from 1 day', () => {
    expect([null, 7 * DAY, 2 * DAY, 12 * HOUR].map(mtbfShare)).toEqual([1, 1, 0.5, 0]);
  });

  it('incidents: at most 1 keeps all 3 points, 8 or more none', () => {
    expect([0, 1, 2, 3, 4, 7, 8].map(incidentsShare)).toEqual([1, 1, 2 / 3, 2 / 3, 1 / 3, 1 / 3, 0]);
  });

  it('a healthy window loses nothing', () => {
    expect(reliabilityComponent(reliabilityEvidence())).toEqual({ points: 35, findings: [] });
  });

  it('each lost part is a finding naming the measured figure', () => {
    const r = reliabilityComponent(reliabilityEvidence({ availability: 0.99, incidents: 9, mttrMs: 10 * DAY, mtbfMs: 2 * DAY, degradedShare: 0.1 }));
    expect(r.findings.map((f) => [f.rule, f.pointsLost])).toEqual([
      ['reliability.availability', 10],
      ['reliability.mttr', 5],
      ['reliability.mtbf', 2],
      ['reliability.incidents', 3],
      ['reliability.degraded', 3],
    ]);
    expect(r.points).toBe(12);
    expect(r.findings[0].evidence).toEqual({ fact: 'availability 99% over 28 days, SLO 99.9%, 9 incidents' });
    expect(r.findings[1].reason).toContain('10.0 d');
  });

  it('degraded share costs in proportion up to 5%', () => {
    expect(reliabilityComponent(reliabilityEvidence({ degradedShare: 0.025 })).points).toBe(33.5);
  });

  it('no availability measured: says so and loses the availability part', () => {
    const r = reliabilityComponent(reliabilityEvidence({ availability: null }));
    expect(r.points).toBe(15);
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'reliability.no_data', pointsLost: 20, evidence: { fact: 'availability unknown over 28 days' } })]);
  });
});
