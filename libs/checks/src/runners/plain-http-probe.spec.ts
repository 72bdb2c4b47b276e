import { isRedirectToHttps, plainHttpEntry } from './plain-http-probe';

describe('plain-HTTP entry point', () => {
  const target = new URL('https://egov.kz:8443/services?lang=kk');

  it('is port 80 of the same host and path for `true`', () => {
    expect(plainHttpEntry(true, target)?.href).toBe('http://egov.kz/services?lang=kk');
    expect(plainHttpEntry(true, new URL('https://[2001:db8::1]:8443/'))?.href).toBe('http://[2001:db8::1]/');
  });

  it('is the given http:// URL, and nothing for other schemes or values', () => {
    expect(plainHttpEntry('http://127.0.0.1:8080/', target)?.href).toBe('http://127.0.0.1:8080/');
    expect(plainHttpEntry('https://egov.kz/', target)).toBeNull();
    expect(plainHttpEntry('not a url', target)).toBeNull();
    expect(plainHttpEntry(false, target)).toBeNull();
    expect(plainHttpEntry(undefined, target)).toBeNull();
  });

  it('is not asked for an http:// target (the target itself tells)', () => {
    expect(plainHttpEntry(true, new URL('http://egov.kz/'))).toBeNull();
  });
});

describe('redirect to HTTPS', () => {
  const base = new URL('http://egov.kz/');

  it('is a redirect status with a Location that resolves to https://', () => {
    for (const status of [301, 302, 303, 307, 308])
      expect(isRedirectToHttps(status, 'https://egov.kz/', base)).toBe(true);
    expect(isRedirectToHttps(301, '//egov.kz/', new URL('https://egov.kz/'))).toBe(true);
  });

  it('is not a redirect to plain HTTP, a relative path on HTTP, or a page served as is', () => {
    expect(isRedirectToHttps(301, 'http://www.egov.kz/', base)).toBe(false);
    expect(isRedirectToHttps(302, '/login', base)).toBe(false);
    expect(isRedirectToHttps(200, 'https://egov.kz/', base)).toBe(false);
    expect(isRedirectToHttps(301, undefined, base)).toBe(false);
    expect(isRedirectToHttps(undefined, undefined, base)).toBe(false);
  });
});
