import { flattenHeaders, pickHeaders } from './header-picker';

describe('header picking', () => {
  it('flattens repeated headers and lower-cases names', () => {
    expect(flattenHeaders({ 'Set-Cookie': ['a=1', 'b=2'], server: 'nginx' } as never)).toEqual({
      'set-cookie': 'a=1, b=2',
      server: 'nginx',
    });
  });

  it('keeps only software banners and security headers', () => {
    const picked = pickHeaders({
      server: 'Apache/2.2.15 (CentOS)',
      'x-powered-by': 'PHP/5.6.40',
      'x-aspnet-version': '4.0.30319',
      'x-generator': 'Drupal 7 (https://www.drupal.org)',
      'strict-transport-security': 'max-age=1',
      'content-security-policy': "default-src 'self'",
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': 'geolocation=()',
      'set-cookie': 'session=secret',
      'content-type': 'text/html',
    });
    expect(Object.keys(picked).sort()).toEqual(
      [
        'content-security-policy',
        'permissions-policy',
        'referrer-policy',
        'server',
        'strict-transport-security',
        'x-aspnet-version',
        'x-content-type-options',
        'x-frame-options',
        'x-generator',
        'x-powered-by',
      ].sort(),
    );
    expect(picked).not.toHaveProperty('set-cookie');
  });

  it('leaves absent headers out', () => {
    expect(pickHeaders({ 'content-type': 'text/plain' })).toEqual({});
  });
});
