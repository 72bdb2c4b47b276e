import type { HttpEvidence } from './scoring-evidence';
import type { RuleSource } from './system-score';
import { MDN_OBSERVATORY } from './rule-sources';
import { allowsInlineScript, effectiveSources, hasBroadSource, hasInsecureScheme, parseCsp } from './content-security-policy';

/** One Observatory test's outcome: its result name and score modifier, as the scoring table lists them. */
export interface ObservatoryResult {
  test: string;
  result: string;
  modifier: number;
  /** The header or fact it was read from. */
  fact: string;
  reason: string;
  fix: string;
  source: RuleSource;
}

/** The HSTS max-age six months long the Observatory asks for. */
export const HSTS_SIX_MONTHS = 15_768_000;

function header(http: HttpEvidence, name: string): string | undefined {
  const value = http.headers[name] ?? Object.entries(http.headers).find(([k]) => k.toLowerCase() === name)?.[1];
  return value === undefined ? undefined : String(value);
}

/** max-age of a Strict-Transport-Security header; null when absent or unreadable. */
export function hstsMaxAge(value: string | undefined): number | null {
  const match = /(?:^|;)\s*max-age\s*=\s*"?(\d+)"?\s*(?:;|$)/i.exec(value ?? '');
  return match ? Number(match[1]) : null;
}

function shown(value: string | undefined): string {
  return value === undefined ? '(absent)' : value;
}

export function cspTest(http: HttpEvidence): ObservatoryResult {
  const value = header(http, 'content-security-policy');
  const base = { test: 'content-security-policy', fact: `Content-Security-Policy: ${shown(value)}`, source: MDN_OBSERVATORY.csp };
  if (value === undefined) {
    return { ...base, result: 'csp-not-implemented', modifier: -25, reason: 'no Content-Security-Policy header', fix: "Send a Content-Security-Policy, starting from default-src 'self'; object-src 'none'; frame-ancestors 'self'." };
  }
  const csp = parseCsp(value);
  if (!csp) {
    return { ...base, result: 'csp-header-invalid', modifier: -25, reason: 'the Content-Security-Policy header cannot be parsed', fix: 'Fix the header syntax: directives separated by ";", each a name followed by sources.' };
  }
  const script = effectiveSources(csp, 'script-src');
  const object = effectiveSources(csp, 'object-src');
  if (allowsInlineScript(script) || hasBroadSource(script) || hasBroadSource(object)) {
    return { ...base, result: 'csp-implemented-with-unsafe-inline', modifier: -20, reason: "the policy lets scripts run unrestricted ('unsafe-inline', data:, a broad source, or no script-src/object-src/default-src)", fix: "Restrict script-src and object-src (or default-src) to named origins; replace 'unsafe-inline' with nonces or hashes." };
  }
  const active = ['script-src', 'object-src', 'style-src', 'connect-src', 'frame-src', 'font-src', 'worker-src'];
  if (active.some((d) => hasInsecureScheme(effectiveSources(csp, d)))) {
    return { ...base, result: 'csp-implemented-with-insecure-scheme', modifier: -20, reason: 'the policy allows active content over plain http', fix: 'Allow only https: origins in the policy.' };
  }
  if (['img-src', 'media-src'].some((d) => hasInsecureScheme(effectiveSources(csp, d)))) {
    return { ...base, result: 'csp-implemented-with-insecure-scheme-in-passive-content-only', modifier: -10, reason: 'the policy allows images or media over plain http', fix: 'Allow only https: origins for img-src and media-src.' };
  }
  if ((script ?? []).includes("'unsafe-eval'")) {
    return { ...base, result: 'csp-implemented-with-unsafe-eval', modifier: -10, reason: "the policy allows 'unsafe-eval'", fix: "Remove 'unsafe-eval' (no eval, new Function or string timers)." };
  }
  if ((effectiveSources(csp, 'style-src') ?? []).includes("'unsafe-inline'")) {
    return { ...base, result: 'csp-implemented-with-unsafe-inline-in-style-src-only', modifier: 0, reason: "'unsafe-inline' only in style-src", fix: '' };
  }
  if ((csp.get('default-src') ?? []).includes("'none'")) {
    return { ...base, result: 'csp-implemented-with-no-unsafe-default-src-none', modifier: 10, reason: "default-src 'none' and nothing unsafe", fix: '' };
  }
  return { ...base, result: 'csp-implemented-with-no-unsafe', modifier: 5, reason: 'a policy without unsafe sources', fix: '' };
}

function sameSiteValid(value: string | null): boolean {
  return value == null || ['strict', 'lax', 'none'].includes(value.toLowerCase());
}

export function cookiesTest(http: HttpEvidence, hstsProtected: boolean): ObservatoryResult {
  const base = { test: 'cookies', source: MDN_OBSERVATORY.cookies };
  if (http.cookies.length === 0) {
    return { ...base, result: 'cookies-not-found', modifier: 0, fact: 'no Set-Cookie', reason: 'no cookies', fix: '' };
  }
  // The Observatory tells session and anti-CSRF cookies by their names.
  const outcomes = http.cookies.map((c) => {
    const session = /login|sess/i.test(c.name);
    const secure = c.secure && http.https;
    const fact = `Set-Cookie ${c.name}: ${[secure ? 'Secure' : null, c.httpOnly ? 'HttpOnly' : null, c.sameSite ? `SameSite=${c.sameSite}` : null].filter(Boolean).join('; ') || 'no flags'}`;
    if (!secure && session && !hstsProtected) return { fact, result: 'cookies-session-without-secure-flag', modifier: -40 };
    if (session && !c.httpOnly) return { fact, result: 'cookies-session-without-httponly-flag', modifier: -30 };
    if (!sameSiteValid(c.sameSite)) return { fact, result: 'cookies-samesite-flag-invalid', modifier: -20 };
    if (/csrf/i.test(c.name) && c.sameSite == null) return { fact, result: 'cookies-anticsrf-without-samesite-flag', modifier: -20 };
    if (!secure && !hstsProtected) return { fact, result: 'cookies-without-secure-flag', modifier: -20 };
    if (!secure && session) return { fact, result: 'cookies-session-without-secure-flag-but-protected-by-hsts', modifier: -10 };
    if (!secure) return { fact, result: 'cookies-without-secure-flag-but-protected-by-hsts', modifier: -5 };
    return { fact, result: c.sameSite ? 'cookies-secure-with-httponly-sessions-and-samesite' : 'cookies-secure-with-httponly-sessions', modifier: c.sameSite ? 5 : 0 };
  });
  const worst = outcomes.reduce((w, o) => (o.modifier < w.modifier ? o : w));
  const allSameSite = outcomes.every((o) => o.modifier === 5);
  if (worst.modifier >= 0) {
    return allSameSite
      ? { ...base, result: 'cookies-secure-with-httponly-sessions-and-samesite', modifier: 5, fact: worst.fact, reason: 'all cookies Secure, session cookies HttpOnly, all with SameSite', fix: '' }
      : { ...base, result: 'cookies-secure-with-httponly-sessions', modifier: 0, fact: outcomes.find((o) => o.modifier === 0)?.fact ?? worst.fact, reason: 'all cookies Secure and session cookies HttpOnly, not all with SameSite', fix: 'Add SameSite=Lax (or Strict) to every cookie.' };
  }
  return { ...base, result: worst.result, modifier: worst.modifier, fact: worst.fact, reason: `a cookie is set unsafely (${worst.result})`, fix: 'Set every cookie with Secure and SameSite=Lax, and session cookies with HttpOnly too.' };
}

export function hstsTest(http: HttpEvidence): ObservatoryResult {
  const value = header(http, 'strict-transport-security');
  const base = { test: 'strict-transport-security', fact: `Strict-Transport-Security: ${shown(value)}`, source: MDN_OBSERVATORY.hsts };
  const fix = 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains over HTTPS.';
  if (!http.https) return { ...base, result: 'hsts-not-implemented-no-https', modifier: -20, reason: 'HSTS cannot be set: the site is not served over HTTPS', fix: 'Serve the site over HTTPS, then send HSTS.' };
  if (value === undefined) return { ...base, result: 'hsts-not-implemented', modifier: -20, reason: 'no Strict-Transport-Security header', fix };
  const maxAge = hstsMaxAge(value);
  if (maxAge === null) return { ...base, result: 'hsts-header-invalid', modifier: -20, reason: 'the Strict-Transport-Security header has no readable max-age', fix };
  if (maxAge < HSTS_SIX_MONTHS) return { ...base, result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10, reason: `HSTS max-age is ${maxAge} s, under six months (${HSTS_SIX_MONTHS} s)`, fix };
  return { ...base, result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0, reason: `HSTS max-age ${maxAge} s`, fix: '' };
}

export function redirectionTest(http: HttpEvidence): ObservatoryResult {
  const base = { test: 'redirection', source: MDN_OBSERVATORY.redirection };
  const fact = `final URL ${http.url}; plain-HTTP entry redirects to HTTPS: ${http.redirectsToHttps === null ? 'not tried' : http.redirectsToHttps ? 'yes' : 'no'}`;
  const fix = 'Answer http:// with a 301 to the same host on https://.';
  if (!http.https) {
    return http.redirectsToHttps
      ? { ...base, fact, result: 'redirection-not-to-https', modifier: -20, reason: 'the redirects end on a plain-HTTP URL', fix }
      : { ...base, fact, result: 'redirection-missing', modifier: -20, reason: 'the site does not redirect to HTTPS', fix };
  }
  if (http.redirectsToHttps === false) return { ...base, fact, result: 'redirection-missing', modifier: -20, reason: 'http:// is served without a redirect to https://', fix };
  if (http.redirectsToHttps === null) return { ...base, fact, result: 'redirection-not-needed-no-http', modifier: 0, reason: 'no plain-HTTP entry point was tried', fix: '' };
  return { ...base, fact, result: 'redirection-to-https', modifier: 0, reason: 'http:// redirects to https://', fix: '' };
}

const PRIVATE_REFERRER = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);
const UNSAFE_REFERRER = new Set(['origin', 'origin-when-cross-origin', 'unsafe-url']);

export function referrerPolicyTest(http: HttpEvidence): ObservatoryResult {
  const value = header(http, 'referrer-policy');
  const base = { test: 'referrer-policy', fact: `Referrer-Policy: ${shown(value)}`, source: MDN_OBSERVATORY.referrer };
  const fix = 'Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer).';
  if (value === undefined) return { ...base, result: 'referrer-policy-not-implemented', modifier: 0, reason: 'no Referrer-Policy header (browsers default to strict-origin-when-cross-origin)', fix };
  // Browsers use the last policy they understand.
  const known = value.split(',').map((v) => v.trim().toLowerCase()).filter((v) => PRIVATE_REFERRER.has(v) || UNSAFE_REFERRER.has(v) || v === 'no-referrer-when-downgrade');
  const policy = known.at(-1);
  if (!policy) return { ...base, result: 'referrer-policy-header-invalid', modifier: -5, reason: 'the Referrer-Policy header names no known policy', fix };
  if (PRIVATE_REFERRER.has(policy)) return { ...base, result: 'referrer-policy-private', modifier: 5, reason: `Referrer-Policy ${policy}`, fix: '' };
  if (UNSAFE_REFERRER.has(policy)) return { ...base, result: 'referrer-policy-unsafe', modifier: -5, reason: `Referrer-Policy ${policy} leaks the page address to other sites`, fix };
  return { ...base, result: 'referrer-policy-no-referrer-when-downgrade', modifier: 0, reason: 'Referrer-Policy no-referrer-when-downgrade', fix };
}

export function contentTypeOptionsTest(http: HttpEvidence): ObservatoryResult {
  const value = header(http, 'x-content-type-options');
  const base = { test: 'x-content-type-options', fact: `X-Content-Type-Options: ${shown(value)}`, source: MDN_OBSERVATORY.contentType };
  const fix = 'Send X-Content-Type-Options: nosniff.';
  if (value === undefined) return { ...base, result: 'x-content-type-options-not-implemented', modifier: -5, reason: 'no X-Content-Type-Options header', fix };
  if (value.trim().toLowerCase() !== 'nosniff') return { ...base, result: 'x-content-type-options-header-invalid', modifier: -5, reason: 'X-Content-Type-Options is not "nosniff"', fix };
  return { ...base, result: 'x-content-type-options-nosniff', modifier: 0, reason: 'nosniff', fix: '' };
}

export function frameOptionsTest(http: HttpEvidence): ObservatoryResult {
  const value = header(http, 'x-frame-options');
  const csp = parseCsp(header(http, 'content-security-policy'));
  const base = { test: 'x-frame-options', fact: `X-Frame-Options: ${shown(value)}`, source: MDN_OBSERVATORY.frameOptions };
  const fix = "Send Content-Security-Policy frame-ancestors 'self' (or X-Frame-Options: DENY).";
  if (csp?.has('frame-ancestors')) {
    return { ...base, fact: `CSP frame-ancestors ${csp.get('frame-ancestors')?.join(' ')}`, result: 'x-frame-options-implemented-via-csp', modifier: 5, reason: 'framing limited by CSP frame-ancestors', fix: '' };
  }
  if (value === undefined) return { ...base, result: 'x-frame-options-not-implemented', modifier: -20, reason: 'neither X-Frame-Options nor CSP frame-ancestors: the pages can be framed (clickjacking)', fix };
  const v = value.trim().toLowerCase();
  if (v === 'deny' || v === 'sameorigin') return { ...base, result: 'x-frame-options-sameorigin-or-deny', modifier: 0, reason: `X-Frame-Options ${v}`, fix: '' };
  if (v.startsWith('allow-from')) return { ...base, result: 'x-frame-options-allow-from-origin', modifier: 0, reason: 'X-Frame-Options ALLOW-FROM', fix: '' };
  return { ...base, result: 'x-frame-options-header-invalid', modifier: -20, reason: 'X-Frame-Options cannot be recognised', fix };
}

export function resourcePolicyTest(http: HttpEvidence): ObservatoryResult {
  const value = header(http, 'cross-origin-resource-policy');
  const base = { test: 'cross-origin-resource-policy', fact: `Cross-Origin-Resource-Policy: ${shown(value)}`, source: MDN_OBSERVATORY.resourcePolicy };
  if (value === undefined) return { ...base, result: 'corp-not-implemented', modifier: 0, reason: 'no Cross-Origin-Resource-Policy header', fix: '' };
  if (!['same-site', 'same-origin', 'cross-origin'].includes(value.trim().toLowerCase())) {
    return { ...base, result: 'corp-header-invalid', modifier: -5, reason: 'Cross-Origin-Resource-Policy cannot be recognised', fix: 'Send Cross-Origin-Resource-Policy: same-origin (or same-site).' };
  }
  return { ...base, result: 'corp-implemented', modifier: 0, reason: `Cross-Origin-Resource-Policy ${value}`, fix: '' };
}

export { header as readHeader };
