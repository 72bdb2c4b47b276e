import { observatoryGrade, rateHttpHygiene } from './http-observatory';
import { EXEMPLARY_HEADERS, httpEvidence } from './scoring-evidence.fixture';

const resultOf = (test: string, over: Parameters<typeof httpEvidence>[0]) =>
  rateHttpHygiene(httpEvidence(over)).tests.find((t) => t.test === test)!;
const withHeaders = (headers: Record<string, string>) => ({ headers: { ...EXEMPLARY_HEADERS, ...headers } });
const without = (name: string) => {
  const headers = { ...EXEMPLARY_HEADERS };
  delete headers[name];
  return { headers };
};

describe('MDN HTTP Observatory scoring', () => {
  it('exemplary headers score 100+ (A+) and keep all 15 points', () => {
    const r = rateHttpHygiene(httpEvidence(withHeaders({})));
    // CSP default-src 'none' +10, frame-ancestors +5, Referrer-Policy private +5
    expect(r.score).toBe(120);
    expect(r.grade).toBe('A+');
    expect(r.points).toBe(15);
    expect(r.findings).toEqual([]);
  });

  it('no headers at all: CSP -25, HSTS -20, X-Content-Type-Options -5, X-Frame-Options -20 -> 30 (D)', () => {
    const r = rateHttpHygiene(httpEvidence({ headers: {}, redirectsToHttps: null }));
    expect(r.score).toBe(30);
    expect(r.grade).toBe('D');
    expect(r.points).toBe(4.5);
    expect(r.findings.map((f) => [f.rule, f.pointsLost])).toEqual([
      ['http.csp-not-implemented', 3.8],
      ['http.hsts-not-implemented', 3],
      ['http.x-content-type-options-not-implemented', 0.7],
      ['http.x-frame-options-not-implemented', 3],
    ]);
    expect(r.findings.reduce((s, f) => s + f.pointsLost, 0)).toBeCloseTo(10.5, 5);
  });

  it('bonuses count only when the score without them is at least 90', () => {
    // -5 (no nosniff) +10 (default-src 'none') +5 (frame-ancestors) +5 (referrer) -> 95 + 20
    expect(rateHttpHygiene(httpEvidence(without('x-content-type-options'))).score).toBe(115);
    // -20 (no HSTS) -5 -> 75, bonuses ignored
    const noHsts = without('strict-transport-security');
    delete noHsts.headers['x-content-type-options'];
    expect(rateHttpHygiene(httpEvidence(noHsts)).score).toBe(75);
  });

  it('never below 0', () => {
    const r = rateHttpHygiene(httpEvidence({ https: false, url: 'http://x/', redirectsToHttps: false, headers: {}, cookies: [{ name: 'PHPSESSID', secure: false, httpOnly: false, sameSite: null }] }));
    expect(r.score).toBe(0);
    expect(r.grade).toBe('F');
    expect(r.points).toBe(0);
    expect(r.findings.reduce((s, f) => s + f.pointsLost, 0)).toBeCloseTo(15, 5);
  });

  it('grading chart', () => {
    expect([100, 95, 87, 82, 75, 66, 61, 55, 47, 41, 35, 26, 24].map(observatoryGrade)).toEqual(['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F']);
  });

  describe('Content Security Policy', () => {
    const csp = (value: string) => resultOf('content-security-policy', withHeaders({ 'content-security-policy': value }));
    it.each([
      ["default-src 'none'; script-src 'self'", 'csp-implemented-with-no-unsafe-default-src-none', 10],
      ["default-src 'self'", 'csp-implemented-with-no-unsafe', 5],
      ["default-src 'self'; style-src 'self' 'unsafe-inline'", 'csp-implemented-with-unsafe-inline-in-style-src-only', 0],
      ["default-src 'self'; img-src http://cdn.example", 'csp-implemented-with-insecure-scheme-in-passive-content-only', -10],
      ["default-src 'self'; script-src 'self' 'unsafe-eval'", 'csp-implemented-with-unsafe-eval', -10],
      ["default-src 'self'; connect-src http://api.example", 'csp-implemented-with-insecure-scheme', -20],
      ["default-src 'self'; script-src 'self' 'unsafe-inline'", 'csp-implemented-with-unsafe-inline', -20],
      ["script-src 'self' 'unsafe-inline' 'nonce-abc'; object-src 'none'", 'csp-implemented-with-no-unsafe', 5],
      ["img-src 'self'", 'csp-implemented-with-unsafe-inline', -20],
      ["default-src https:", 'csp-implemented-with-unsafe-inline', -20],
      ['', 'csp-header-invalid', -25],
    ])('%s -> %s (%d)', (value, result, modifier) => {
      expect(csp(value)).toMatchObject({ result, modifier });
    });
    it('missing -> csp-not-implemented (-25)', () => {
      expect(resultOf('content-security-policy', without('content-security-policy'))).toMatchObject({ result: 'csp-not-implemented', modifier: -25 });
    });
  });

  describe('Cookies', () => {
    const cookies = (list: { name: string; secure: boolean; httpOnly: boolean; sameSite: string | null }[], headers = EXEMPLARY_HEADERS) =>
      resultOf('cookies', { headers, cookies: list });
    it.each([
      [[], 'cookies-not-found', 0],
      [[{ name: 'sessionid', secure: true, httpOnly: true, sameSite: 'Lax' }], 'cookies-secure-with-httponly-sessions-and-samesite', 5],
      [[{ name: 'sessionid', secure: true, httpOnly: true, sameSite: null }], 'cookies-secure-with-httponly-sessions', 0],
      [[{ name: 'lang', secure: false, httpOnly: false, sameSite: 'Lax' }], 'cookies-without-secure-flag-but-protected-by-hsts', -5],
      [[{ name: 'JSESSIONID', secure: false, httpOnly: true, sameSite: 'Lax' }], 'cookies-session-without-secure-flag-but-protected-by-hsts', -10],
      [[{ name: 'lang', secure: true, httpOnly: false, sameSite: 'Sometimes' }], 'cookies-samesite-flag-invalid', -20],
      [[{ name: 'csrftoken', secure: true, httpOnly: false, sameSite: null }], 'cookies-anticsrf-without-samesite-flag', -20],
      [[{ name: 'ASP.NET_SessionId', secure: true, httpOnly: false, sameSite: 'Lax' }], 'cookies-session-without-httponly-flag', -30],
    ])('%j -> %s (%d)', (list, result, modifier) => {
      expect(cookies(list)).toMatchObject({ result, modifier });
    });
    it('without HSTS, a cookie without Secure is -20 and a session cookie without it -40', () => {
      const noHsts = without('strict-transport-security').headers;
      expect(cookies([{ name: 'lang', secure: false, httpOnly: false, sameSite: 'Lax' }], noHsts)).toMatchObject({ result: 'cookies-without-secure-flag', modifier: -20 });
      expect(cookies([{ name: 'PHPSESSID', secure: false, httpOnly: true, sameSite: 'Lax' }], noHsts)).toMatchObject({ result: 'cookies-session-without-secure-flag', modifier: -40 });
    });
    it('the worst cookie decides', () => {
      expect(cookies([
        { name: 'a', secure: true, httpOnly: true, sameSite: 'Strict' },
        { name: 'login', secure: true, httpOnly: false, sameSite: 'Strict' },
      ])).toMatchObject({ result: 'cookies-session-without-httponly-flag', modifier: -30 });
    });
  });

  describe('Strict Transport Security', () => {
    const hsts = (value: string) => resultOf('strict-transport-security', withHeaders({ 'strict-transport-security': value }));
    it('max-age of six months or more passes; less is -10; unreadable or missing -20; plain http -20', () => {
      expect(hsts('max-age=15768000')).toMatchObject({ result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0 });
      expect(hsts('max-age=86400')).toMatchObject({ result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10 });
      expect(hsts('includeSubDomains')).toMatchObject({ result: 'hsts-header-invalid', modifier: -20 });
      expect(resultOf('strict-transport-security', without('strict-transport-security'))).toMatchObject({ result: 'hsts-not-implemented', modifier: -20 });
      expect(resultOf('strict-transport-security', { https: false, url: 'http://x/', headers: {} })).toMatchObject({ result: 'hsts-not-implemented-no-https', modifier: -20 });
    });
  });

  describe('Redirection', () => {
    it('to https passes; missing or ending on http is -20; not tried is not judged', () => {
      expect(resultOf('redirection', { redirectsToHttps: true })).toMatchObject({ result: 'redirection-to-https', modifier: 0 });
      expect(resultOf('redirection', { redirectsToHttps: false })).toMatchObject({ result: 'redirection-missing', modifier: -20 });
      expect(resultOf('redirection', { redirectsToHttps: null })).toMatchObject({ result: 'redirection-not-needed-no-http', modifier: 0 });
      expect(resultOf('redirection', { https: false, url: 'http://x/', redirectsToHttps: null })).toMatchObject({ result: 'redirection-missing', modifier: -20 });
      expect(resultOf('redirection', { https: false, url: 'http://x/', redirectsToHttps: true })).toMatchObject({ result: 'redirection-not-to-https', modifier: -20 });
    });
  });

  describe('Referrer-Policy', () => {
    const referrer = (value: string) => resultOf('referrer-policy', withHeaders({ 'referrer-policy': value }));
    it.each([
      ['no-referrer', 'referrer-policy-private', 5],
      ['strict-origin-when-cross-origin', 'referrer-policy-private', 5],
      ['no-referrer-when-downgrade', 'referrer-policy-no-referrer-when-downgrade', 0],
      ['unsafe-url', 'referrer-policy-unsafe', -5],
      ['origin-when-cross-origin', 'referrer-policy-unsafe', -5],
      ['bogus', 'referrer-policy-header-invalid', -5],
      ['unsafe-url, bogus, same-origin', 'referrer-policy-private', 5],
    ])('%s -> %s (%d)', (value, result, modifier) => {
      expect(referrer(value)).toMatchObject({ result, modifier });
    });
    it('missing is 0', () => {
      expect(resultOf('referrer-policy', without('referrer-policy'))).toMatchObject({ result: 'referrer-policy-not-implemented', modifier: 0 });
    });
  });

  describe('X-Content-Type-Options and X-Frame-Options', () => {
    it('nosniff passes; missing or another value is -5', () => {
      expect(resultOf('x-content-type-options', withHeaders({}))).toMatchObject({ modifier: 0 });
      expect(resultOf('x-content-type-options', withHeaders({ 'x-content-type-options': 'sniff' }))).toMatchObject({ result: 'x-content-type-options-header-invalid', modifier: -5 });
      expect(resultOf('x-content-type-options', without('x-content-type-options'))).toMatchObject({ result: 'x-content-type-options-not-implemented', modifier: -5 });
    });
    it('frame-ancestors +5; DENY / SAMEORIGIN 0; missing or invalid -20', () => {
      expect(resultOf('x-frame-options', withHeaders({}))).toMatchObject({ result: 'x-frame-options-implemented-via-csp', modifier: 5 });
      const plainCsp = { 'content-security-policy': "default-src 'self'" };
      expect(resultOf('x-frame-options', withHeaders({ ...plainCsp, 'x-frame-options': 'SAMEORIGIN' }))).toMatchObject({ result: 'x-frame-options-sameorigin-or-deny', modifier: 0 });
      expect(resultOf('x-frame-options', withHeaders({ ...plainCsp, 'x-frame-options': 'maybe' }))).toMatchObject({ result: 'x-frame-options-header-invalid', modifier: -20 });
      expect(resultOf('x-frame-options', { headers: { ...plainCsp } })).toMatchObject({ result: 'x-frame-options-not-implemented', modifier: -20 });
    });
  });

  it('Cross-Origin-Resource-Policy: invalid is -5, absent 0', () => {
    expect(resultOf('cross-origin-resource-policy', withHeaders({ 'cross-origin-resource-policy': 'everyone' }))).toMatchObject({ modifier: -5 });
    expect(resultOf('cross-origin-resource-policy', withHeaders({}))).toMatchObject({ modifier: 0 });
  });

  it('each finding names the header it read, with the check, region and time', () => {
    const [f] = rateHttpHygiene(httpEvidence(without('x-content-type-options'))).findings;
    expect(f).toMatchObject({
      rule: 'http.x-content-type-options-not-implemented',
      component: 'http',
      pointsLost: 0,
      evidence: { checkId: 3, region: 'almaty', observedAt: '2026-12-03T09:59:00Z', fact: 'https://egov.example.kz/: X-Content-Type-Options: (absent)' },
      source: { standard: 'MDN HTTP Observatory: tests and scoring', section: 'X-Content-Type-Options' },
    });
  });
});
