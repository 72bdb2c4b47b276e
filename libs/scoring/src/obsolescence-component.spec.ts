import { obsolescenceComponent, softwareStatus } from './obsolescence-component';
import { NOW, httpEvidence } from './scoring-evidence.fixture';

const DAY = 86_400_000;
const withHeaders = (headers: Record<string, string>) => [httpEvidence({ headers })];

describe('obsolescence component (25 points)', () => {
  it('nothing disclosed keeps all 25', () => {
    expect(obsolescenceComponent(withHeaders({}), NOW)).toMatchObject({ points: 25, findings: [], endOfLife: [] });
  });

  it('an end-of-life component costs 12 and a version banner 1', () => {
    const r = obsolescenceComponent(withHeaders({ server: 'nginx', 'x-powered-by': 'PHP/7.2.24' }), NOW);
    expect(r.findings.map((f) => [f.rule, f.pointsLost])).toEqual([['eol.php', 12], ['disclosure.x-powered-by', 1]]);
    expect(r.points).toBe(12);
    expect(r.endOfLife.map((s) => s.cycle)).toEqual(['7.2']);
  });

  it('costs above 25 are scaled to share 25', () => {
    const r = obsolescenceComponent(withHeaders({ server: 'Apache/2.2.15 (CentOS)', 'x-powered-by': 'PHP/5.6.40' }), NOW);
    expect(r.points).toBe(0);
    expect(r.findings.reduce((s, f) => s + f.pointsLost, 0)).toBeCloseTo(25, 5);
    expect(r.findings.map((f) => f.rule)).toEqual(['eol.apache-http-server', 'eol.php', 'disclosure.server', 'disclosure.x-powered-by']);
  });

  it('a supported cycle costs only its banner; one within 180 days of its end costs 3', () => {
    expect(obsolescenceComponent(withHeaders({ server: 'nginx/1.28.0' }), NOW).findings.map((f) => f.rule)).toEqual(['disclosure.server']);
    const soon = obsolescenceComponent(withHeaders({ 'x-powered-by': 'PHP/8.2.20' }), Date.parse('2026-09-01T00:00:00Z'));
    expect(soon.findings.map((f) => [f.rule, f.pointsLost])).toEqual([['eol_soon.php', 3], ['disclosure.x-powered-by', 1]]);
    expect(soon.endOfLife).toEqual([]);
  });

  it('the end of life is judged at `now`, not at the snapshot date', () => {
    const php81 = { eol: '2025-12-31' as const };
    expect(softwareStatus({ ...php81, product: 'php', version: '8.1.2', cycle: '8.1', header: 'x-powered-by', banner: 'PHP/8.1.2' }, Date.parse('2025-06-01T00:00:00Z'))).toBe('supported');
    expect(softwareStatus({ ...php81, product: 'php', version: '8.1.2', cycle: '8.1', header: 'x-powered-by', banner: 'PHP/8.1.2' }, Date.parse('2025-12-01T00:00:00Z'))).toBe('end_of_life_soon');
    expect(softwareStatus({ ...php81, product: 'php', version: '8.1.2', cycle: '8.1', header: 'x-powered-by', banner: 'PHP/8.1.2' }, Date.parse('2025-12-31T00:00:00Z') + DAY)).toBe('end_of_life');
  });

  it('unknown cycles are not judged (ASP.NET 4.x), but a disclosed version still costs its banner', () => {
    const r = obsolescenceComponent(withHeaders({ 'x-powered-by': 'ASP.NET', 'x-aspnet-version': '4.0.30319' }), NOW);
    expect(r.findings.map((f) => [f.rule, f.pointsLost])).toEqual([['disclosure.x-aspnet-version', 1]]);
  });

  it('software seen in any response counts once, with the response it was seen in as evidence', () => {
    const r = obsolescenceComponent([httpEvidence({ headers: {} }), httpEvidence({ checkId: 44, headers: { 'x-powered-by': 'PHP/5.6.40' } })], NOW);
    expect(r.findings[0]).toMatchObject({ rule: 'eol.php', evidence: { checkId: 44, fact: 'x-powered-by: PHP/5.6.40 -> PHP 5.6, end of life 2018-12-31' } });
  });
});
