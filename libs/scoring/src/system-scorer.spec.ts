import type { SystemScore } from './system-score';
import { scoreSystem } from './system-scorer';
import { NOW, httpEvidence, personaEvidence, systemEvidence, tlsEvidence } from './scoring-evidence.fixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const rules = (s: SystemScore) => s.findings.map((f) => f.rule);
const points = (s: SystemScore) => Object.fromEntries(Object.entries(s.components).map(([k, c]) => [k, c.points]));
const sumOfComponents = (s: SystemScore) => Math.round(Object.values(s.components).reduce((a, c) => a + c.points, 0) * 10) / 10;

describe('scoreSystem', () => {
  it('a system without debt scores 100 (A) with no findings and no caps', () => {
    const s = scoreSystem(systemEvidence(), { now: NOW });
    expect(s).toMatchObject({ score: 100, grade: 'A', caps: [], findings: [], tlsGrade: 'A+', httpObservatory: { score: 120, grade: 'A+' } });
  });

  it('every point lost is a finding: each component is its maximum minus its findings, and they sum to the score before caps', () => {
    for (const persona of ['modern', 'dated', 'neglected', 'abandoned', 'legacy-windows']) {
      const s = scoreSystem(personaEvidence(persona), { now: NOW });
      for (const [name, c] of Object.entries(s.components)) {
        const lost = s.findings.filter((f) => f.component === name).reduce((a, f) => a + f.pointsLost, 0);
        expect(c.points).toBeCloseTo(c.max - lost, 5);
      }
      expect(s.uncappedScore).toBe(sumOfComponents(s));
      for (const f of s.findings) {
        expect(f.reason).not.toBe('');
        expect(f.source.url).not.toBe('');
        if (f.pointsLost > 0) expect(f.fix).not.toBe('');
      }
    }
  });

  describe('golden personas of the demo fleet (kz-fleet.yaml)', () => {
    it('modern: A (94.3): only the missing X-Content-Type-Options / frame protection, the nginx version banner and IPv6', () => {
      const s = scoreSystem(personaEvidence('modern'), { now: NOW });
      expect(points(s)).toEqual({ reliability: 35, tls: 20, http: 11.3, obsolescence: 24, modernity: 4 });
      expect(s).toMatchObject({ score: 94.3, grade: 'A', tlsGrade: 'A+', httpObservatory: { score: 75, grade: 'B' }, caps: [] });
      expect(rules(s).sort()).toEqual(['disclosure.server', 'http.x-content-type-options-not-implemented', 'http.x-frame-options-not-implemented', 'modernity.ipv6']);
    });

    it('dated: F (57): nginx 1.24 and PHP 8.1 past end of life, a session cookie without Secure, short HSTS, no CSP, no TLS 1.3', () => {
      const s = scoreSystem(personaEvidence('dated'), { now: NOW });
      expect(points(s)).toEqual({ reliability: 35, tls: 20, http: 0, obsolescence: 0, modernity: 2 });
      // Observatory: 100 - 25 (CSP) - 40 (session cookie without Secure, HSTS too short to protect it) - 10 - 5 - 20 -> 0
      expect(s).toMatchObject({ score: 57, grade: 'F', tlsGrade: 'A', httpObservatory: { score: 0, grade: 'F' } });
      expect(s.caps.map((c) => c.rule)).toEqual(['cap.end_of_life']);
      expect(rules(s)).toEqual(expect.arrayContaining(['eol.nginx', 'eol.php', 'http.cookies-session-without-secure-flag', 'http.hsts-implemented-max-age-less-than-six-months', 'http.csp-not-implemented', 'modernity.tls13']));
    });

    it('neglected: D (60): TLS 1.1, PHP 7.2 past end of life, no HSTS, an unprotected session cookie, no HTTP/2', () => {
      const s = scoreSystem(personaEvidence('neglected'), { now: NOW });
      expect(points(s)).toEqual({ reliability: 35, tls: 14, http: 0, obsolescence: 11, modernity: 0 });
      expect(s).toMatchObject({ score: 60, grade: 'D', tlsGrade: 'B' });
      expect(rules(s)).toEqual(expect.arrayContaining(['tls.protocol.tls11', 'eol.php', 'http.hsts-not-implemented', 'modernity.http2']));
      expect(rules(s)).not.toContain('eol.apache-http-server');
    });

    it('abandoned: F (49) with findings for TLS 1.0, PHP 5.6 and Apache 2.2 past end of life, and no HSTS', () => {
      const s = scoreSystem(personaEvidence('abandoned'), { now: NOW });
      expect(points(s)).toEqual({ reliability: 35, tls: 14, http: 0, obsolescence: 0, modernity: 0 });
      expect(s).toMatchObject({ score: 49, grade: 'F', tlsGrade: 'B' });
      expect(rules(s)).toEqual(expect.arrayContaining(['tls.protocol.tls10', 'tls.protocol.tls11', 'eol.php', 'eol.apache-http-server', 'http.hsts-not-implemented']));
      const php = s.findings.find((f) => f.rule === 'eol.php')!;
      expect(php.reason).toContain('PHP 5.6 (5.6.40) is past its end of life');
      expect(php.evidence).toMatchObject({ checkId: 3, region: 'almaty', fact: expect.stringContaining('x-powered-by: PHP/5.6.40') });
      expect(php.source).toEqual({ standard: 'endoflife.date snapshot 2025-06-01', section: 'PHP 5.6', url: 'https://endoflife.date/php' });
    });

    it('legacy-windows: D (60): TLS 1.0, IIS 7.5 (Windows Server 2008 R2) past end of life; ASP.NET 4.x only disclosed', () => {
      const s = scoreSystem(personaEvidence('legacy-windows'), { now: NOW });
      expect(points(s)).toEqual({ reliability: 35, tls: 14, http: 0, obsolescence: 11, modernity: 0 });
      expect(s).toMatchObject({ score: 60, grade: 'D', tlsGrade: 'B' });
      expect(rules(s)).toEqual(expect.arrayContaining(['tls.protocol.tls10', 'eol.iis', 'disclosure.x-aspnet-version']));
      expect(rules(s)).not.toContain('eol.dotnetfx');
    });

    it('the personas rank modern > neglected = legacy-windows > dated > abandoned', () => {
      const score = (p: string) => scoreSystem(personaEvidence(p), { now: NOW }).score;
      expect(score('neglected')).toBe(score('legacy-windows'));
      expect(score('modern')).toBeGreaterThan(score('neglected'));
      expect(score('neglected')).toBeGreaterThan(score('dated'));
      expect(score('dated')).toBeGreaterThan(score('abandoned'));
    });
  });

  it('a fault that lowers availability lowers the score: reliability findings, then the 99% cap', () => {
    const healthy = scoreSystem(personaEvidence('modern'), { now: NOW });
    const faulty = scoreSystem(personaEvidence('modern', { availability: 0.985, incidents: 3, mttrMs: 2 * HOUR, mtbfMs: 9 * DAY, degradedShare: 0.01 }), { now: NOW });
    // availability: (log10 nines 1.824 - 1) / 2 = 0.412 of 20 kept -> 11.8 lost; MTTR 2 h -> 2; 3 incidents -> 1; degraded 1% -> 0.6
    expect(faulty.components.reliability.points).toBe(19.6);
    expect(faulty.uncappedScore).toBe(78.9);
    expect(faulty.caps).toEqual([{ rule: 'cap.availability', limit: 60, reason: 'availability 98.50% is below 99%' }]);
    expect(faulty).toMatchObject({ score: 60, grade: 'D' });
    expect(healthy.score - faulty.score).toBeCloseTo(34.3, 5);
    expect(faulty.findings.filter((f) => f.component === 'reliability').map((f) => [f.rule, f.pointsLost])).toEqual([
      ['reliability.availability', 11.8],
      ['reliability.mttr', 2],
      ['reliability.incidents', 1],
      ['reliability.degraded', 0.6],
    ]);
  });

  describe('caps', () => {
    it('no HTTPS: a plain-http system with no TLS endpoint is capped at 40', () => {
      const s = scoreSystem(systemEvidence({ tls: [], http: [httpEvidence({ url: 'http://old.example.kz/', https: false, redirectsToHttps: null })] }), { now: NOW });
      expect(s.caps.map((c) => [c.rule, c.limit])).toEqual([['cap.no_https', 40]]);
      expect(s.score).toBe(40);
      expect(s.grade).toBe('F');
      expect(rules(s)).toContain('tls.no_https');
    });

    it('invalid certificate (T or M) caps at 40', () => {
      const untrusted = scoreSystem(systemEvidence({ tls: [tlsEvidence({ certificate: { valid: false, error: 'CERT_HAS_EXPIRED', daysToExpiry: -1 } })] }), { now: NOW });
      expect(untrusted.uncappedScore).toBe(80);
      expect(untrusted.caps.map((c) => c.rule)).toEqual(['cap.invalid_certificate']);
      expect(untrusted.score).toBe(40);
      const mismatch = scoreSystem(systemEvidence({ tls: [tlsEvidence({ certificate: { valid: false, error: 'ERR_TLS_CERT_ALTNAME_INVALID' } })] }), { now: NOW });
      expect(mismatch).toMatchObject({ tlsGrade: 'M', score: 40 });
    });

    it('any end-of-life component caps at 70', () => {
      const base = systemEvidence();
      const s = scoreSystem({ ...base, http: [httpEvidence({ headers: { ...base.http[0].headers, 'x-powered-by': 'PHP/7.4.33' } })] }, { now: NOW });
      expect(s.uncappedScore).toBe(87);
      expect(s.caps).toEqual([{ rule: 'cap.end_of_life', limit: 70, reason: 'end-of-life software: PHP 7.4' }]);
      expect(s.score).toBe(70);
      expect(s.grade).toBe('C');
    });

    it('28-day availability below 99% caps at 60; exactly 99% does not', () => {
      expect(scoreSystem(systemEvidence({ reliability: { ...systemEvidence().reliability, availability: 0.989 } }), { now: NOW }).score).toBe(60);
      const at99 = scoreSystem(systemEvidence({ reliability: { ...systemEvidence().reliability, availability: 0.99 } }), { now: NOW });
      expect(at99.caps).toEqual([]);
      expect(at99.score).toBe(90);
    });

    it('the lowest of several caps wins', () => {
      const base = systemEvidence();
      const s = scoreSystem({
        ...base,
        http: [httpEvidence({ headers: { ...base.http[0].headers, server: 'Apache/2.2.15' } })],
        reliability: { ...base.reliability, availability: 0.95 },
      }, { now: NOW });
      expect(s.caps.map((c) => c.limit)).toEqual([70, 60]);
      expect(s.score).toBe(60);
    });
  });

  describe('missing evidence', () => {
    it('no HTTP response: the 15 HTTP points are lost with a finding that says so', () => {
      const s = scoreSystem(systemEvidence({ http: [] }), { now: NOW });
      expect(s.components.http.points).toBe(0);
      expect(s.httpObservatory).toBeNull();
      expect(rules(s)).toEqual(['http.not_observed']);
    });

    it('no TLS evidence for an https system: TLS and its modernity points are not rewarded, and not capped', () => {
      const s = scoreSystem(systemEvidence({ tls: [] }), { now: NOW });
      expect(s.components.tls.points).toBe(0);
      expect(s.components.modernity.points).toBe(1);
      expect(s.tlsGrade).toBeNull();
      expect(s.caps).toEqual([]);
      expect(rules(s).sort()).toEqual(['modernity.http2', 'modernity.tls13', 'tls.not_observed']);
    });

    it('no availability measured: the availability points are lost with reliability.no_data, and no availability cap', () => {
      const s = scoreSystem(systemEvidence({ reliability: { ...systemEvidence().reliability, availability: null } }), { now: NOW });
      expect(s.components.reliability.points).toBe(15);
      expect(rules(s)).toEqual(['reliability.no_data']);
      expect(s.caps).toEqual([]);
    });

    it('refuses a context without a valid now, naming the field', () => {
      expect(() => scoreSystem(systemEvidence(), { now: Number.NaN })).toThrow('context.now');
    });

    it('refuses evidence the formula cannot read, naming the field', () => {
      const reliability = systemEvidence().reliability;
      expect(() => scoreSystem(systemEvidence({ reliability: { ...reliability, availability: 99.5 } }), { now: NOW })).toThrow('reliability.availability: must be a fraction between 0 and 1, got 99.5');
      expect(() => scoreSystem(systemEvidence({ reliability: { ...reliability, sloTarget: 0 - 1 } }), { now: NOW })).toThrow('reliability.sloTarget');
      expect(() => scoreSystem(systemEvidence({ reliability: { ...reliability, incidents: 1.5 } }), { now: NOW })).toThrow('reliability.incidents');
      expect(() => scoreSystem(systemEvidence({ reliability: { ...reliability, mttrMs: -1 } }), { now: NOW })).toThrow('reliability.mttrMs');
      expect(() => scoreSystem({ ...systemEvidence(), dns: undefined as never }, { now: NOW })).toThrow('dns: must be a list');
    });
  });

  it('a fixed finding keeps fading cost within its component, and does not cap', () => {
    const dated = scoreSystem(personaEvidence('abandoned'), { now: NOW });
    const eolPhp = dated.findings.find((f) => f.rule === 'eol.php')!;
    const fixed = [{ finding: { ...eolPhp, pointsLost: 12 }, fixedAt: NOW - 15 * DAY }];
    const s = scoreSystem(personaEvidence('modern'), { now: NOW, fixed });
    const faded = s.findings.find((f) => f.rule === 'eol.php')!;
    expect(faded.pointsLost).toBe(9);
    expect(faded.fading).toEqual({ fixedAt: new Date(NOW - 15 * DAY).toISOString(), originalPointsLost: 12 });
    expect(s.components.obsolescence.points).toBe(15);
    expect(s.caps).toEqual([]);
    expect(s.score).toBe(85.3);
  });
});
