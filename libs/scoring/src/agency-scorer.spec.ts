import type { SystemTier } from '@kuzet/contracts';
import type { SystemScore } from './system-score';
import { scoreAgency } from './agency-scorer';
import { gradeOf } from './grades';

const system = (name: string, tier: SystemTier, score: number): SystemScore => ({
  system: name,
  agency: 'nit',
  tier,
  score,
  grade: gradeOf(score),
  components: {} as SystemScore['components'],
  caps: [],
  findings: [],
  tlsGrade: null,
  httpObservatory: null,
});

describe('agency score', () => {
  it('0.5 × tier-weighted mean + 0.5 × worst system (critical 10, high 7.5, normal 5, internal 2.5)', () => {
    const a = scoreAgency('nit', [system('portal', 'critical', 94), system('business', 'high', 64), system('stats', 'normal', 80), system('intranet', 'internal', 50)]);
    // mean = (940 + 480 + 400 + 125) / 25 = 77.8; score = 0.5 × 77.8 + 0.5 × 50 = 63.9
    expect(a).toMatchObject({ agency: 'nit', weightedMean: 77.8, worst: { system: 'intranet', score: 50 }, score: 63.9, grade: 'D' });
    expect(a.systems).toEqual([
      { system: 'portal', tier: 'critical', score: 94, grade: 'A' },
      { system: 'business', tier: 'high', score: 64, grade: 'D' },
      { system: 'stats', tier: 'normal', score: 80, grade: 'B' },
      { system: 'intranet', tier: 'internal', score: 50, grade: 'F' },
    ]);
  });

  it('one system: the agency scores what it scores', () => {
    expect(scoreAgency('nca', [system('ocsp', 'critical', 91.5)])).toMatchObject({ score: 91.5, grade: 'A', weightedMean: 91.5 });
  });

  it('a critical system weighs four times an internal one', () => {
    const a = scoreAgency('x', [system('c', 'critical', 100), system('i', 'internal', 50)]);
    expect(a.weightedMean).toBe(90);
  });

  it('an agency without systems has no score: a clear error naming the field', () => {
    expect(() => scoreAgency('empty', [])).toThrow('systems: agency empty has no scored systems');
  });
});

describe('grades', () => {
  it('A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, otherwise F', () => {
    expect([100, 90, 89.9, 80, 79.9, 70, 69.9, 60, 59.9, 0].map(gradeOf)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
  });
});
