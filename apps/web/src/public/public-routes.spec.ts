import { isPublicPath, parsePublicUrl, pickAcceptLanguage, publicHref, readCookie, resolveLang } from './public-routes';

describe('public routes', () => {
  it.each([
    ['/', '', { lang: null, route: { kind: 'home', group: 'agency' } }],
    ['/status', '?group=category', { lang: null, route: { kind: 'home', group: 'category' } }],
    ['/kk/', '', { lang: 'kk', route: { kind: 'home', group: 'agency' } }],
    ['/en/status/systems/egov-portal', '', { lang: 'en', route: { kind: 'system', code: 'egov-portal' } }],
    ['/ru/status/incidents/41', '', { lang: 'ru', route: { kind: 'incident', id: 41 } }],
    ['/status/incidents/abc', '', { lang: null, route: { kind: 'not_found' } }],
    ['/status/history', '?cursor=c1', { lang: null, route: { kind: 'history', cursor: 'c1' } }],
    ['/de/status', '', { lang: null, route: { kind: 'not_found' } }],
    ['/kk/status/subscribe', '', { lang: 'kk', route: { kind: 'subscribe', system: null, agency: null } }],
    ['/en/status/subscribe', '?system=egov-portal', { lang: 'en', route: { kind: 'subscribe', system: 'egov-portal', agency: null } }],
    ['/en/status/subscribe', '?agency=<script>', { lang: 'en', route: { kind: 'subscribe', system: null, agency: null } }],
  ])('parses %s%s', (path, search, expected) => {
    expect(parsePublicUrl(path, search)).toEqual(expected);
  });

  it('round-trips every route through its href', () => {
    for (const route of [
      { kind: 'home', group: 'category' },
      { kind: 'system', code: 'tax-cabinet' },
      { kind: 'incident', id: 7 },
      { kind: 'history', cursor: 'a b' },
      { kind: 'subscribe', system: null, agency: 'egov' },
      { kind: 'subscribe', system: 'tax-cabinet', agency: null },
    ] as const) {
      const url = new URL(publicHref('kk', route), 'http://x');
      expect(parsePublicUrl(url.pathname, url.search)).toEqual({ lang: 'kk', route });
    }
  });

  it('tells public paths from the board, admin and API', () => {
    expect(['/', '/status', '/kk', '/en/status/history'].every(isPublicPath)).toBe(true);
    expect(['/board', '/admin/users', '/api/public/v1/status', '/favicon.svg'].some(isPublicPath)).toBe(false);
  });

  it('chooses the language from the URL, then the cookie, then Accept-Language by quality, then Russian', () => {
    expect(resolveLang('en', 'kk', 'ru')).toBe('en');
    expect(resolveLang(null, 'kk', 'en')).toBe('kk');
    expect(resolveLang(null, 'xx', 'de-DE, en;q=0.5, kk;q=0.8')).toBe('kk');
    expect(resolveLang(null, null, ['fr-FR', 'en-US'])).toBe('en');
    expect(resolveLang(null, null, 'de, kk;q=0')).toBe('ru');
    expect(pickAcceptLanguage(undefined)).toBeNull();
  });

  it('reads one cookie out of a header', () => {
    expect(readCookie('a=1; kuzet_lang=en; b=2', 'kuzet_lang')).toBe('en');
    expect(readCookie(undefined, 'kuzet_lang')).toBeNull();
  });
});
