import type { AgencyScoreRow } from '@kuzet/contracts';
import { AGENCY_CSV_HEADER, agencyRankingCsv, csvField } from './scores-csv';

const row = (agency: string, score: number, over: Partial<AgencyScoreRow> = {}): AgencyScoreRow => ({
  agency,
  name: { kk: `${agency} kk`, ru: `${agency} ru`, en: `${agency} en` },
  score,
  grade: 'C',
  weighted_mean: score + 5,
  worst: { system: `${agency}-web`, score: score - 5 },
  system_count: 2,
  trend: [],
  top_findings: [],
  day: '2026-03-10',
  computed_at: '2026-03-10T07:00:00.000Z',
  ...over,
});

describe('agency ranking CSV', () => {
  it('has a header line and one line per agency, ranked, with the costliest finding', () => {
    const finding = {
      system: 'mf-web',
      rule: 'eol.php',
      component: 'obsolescence' as const,
      points_lost: 25,
      reason: 'PHP 5.6 is end-of-life, "since 2018"',
      fix: 'upgrade',
      evidence: { fact: 'X-Powered-By: PHP/5.6.40', check_id: 1, region: 'almaty', observed_at: null },
      source: { standard: 'endoflife.date', section: 'php', url: 'https://endoflife.date/php' },
      fading: null,
    };
    const csv = agencyRankingCsv([row('nit', 91), row('mf', 70, { top_findings: [finding] })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(AGENCY_CSV_HEADER.join(','));
    expect(lines[1]).toBe('1,nit,nit en,nit ru,nit kk,91,C,96,nit-web,86,2,,2026-03-10,2026-03-10T07:00:00.000Z');
    expect(lines[2]).toBe('2,mf,mf en,mf ru,mf kk,70,C,75,mf-web,65,2,"mf-web: PHP 5.6 is end-of-life, ""since 2018""",2026-03-10,2026-03-10T07:00:00.000Z');
    expect(lines[3]).toBe('');
  });

  it('defuses spreadsheet formulas and quotes separators', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });
});
