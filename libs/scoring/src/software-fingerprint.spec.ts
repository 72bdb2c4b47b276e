import { detectSoftware } from './software-fingerprint';
import { END_OF_LIFE_SNAPSHOT } from './end-of-life-snapshot';

const found = (headers: Record<string, string>) =>
  detectSoftware(headers).map(({ product, version, cycle, eol, header }) => ({ product, version, cycle, eol, header }));

describe('software fingerprints', () => {
  it.each([
    ['nginx/1.28.0', { product: 'nginx', version: '1.28.0', cycle: '1.28', eol: false }],
    ['nginx/1.24.0', { product: 'nginx', version: '1.24.0', cycle: '1.24', eol: '2024-04-23' }],
    ['Apache/2.4.29 (Ubuntu)', { product: 'apache-http-server', version: '2.4.29', cycle: '2.4', eol: false }],
    ['Apache/2.2.15 (CentOS)', { product: 'apache-http-server', version: '2.2.15', cycle: '2.2', eol: '2017-07-11' }],
    ['Microsoft-IIS/7.5', { product: 'iis', version: '7.5', cycle: '7.5', eol: '2020-01-14' }],
    ['Microsoft-IIS/10.0', { product: 'iis', version: '10.0', cycle: '10.0', eol: false }],
    ['Apache Tomcat/8.5.0', { product: 'tomcat', version: '8.5.0', cycle: '8.5', eol: '2024-03-31' }],
    ['Apache-Coyote/1.1', { product: 'tomcat', version: null, cycle: null, eol: null }],
    ['nginx', { product: 'nginx', version: null, cycle: null, eol: null }],
  ])('Server: %s', (banner, expected) => {
    expect(found({ server: banner })).toEqual([{ ...expected, header: 'server' }]);
  });

  it.each([
    ['PHP/8.1.2', { product: 'php', version: '8.1.2', cycle: '8.1', eol: '2025-12-31' }],
    ['PHP/7.2.24', { product: 'php', version: '7.2.24', cycle: '7.2', eol: '2020-11-30' }],
    ['PHP/5.6.40', { product: 'php', version: '5.6.40', cycle: '5.6', eol: '2018-12-31' }],
    ['ASP.NET', { product: 'dotnetfx', version: null, cycle: null, eol: null }],
    ['Express', { product: 'nodejs', version: null, cycle: null, eol: null }],
  ])('X-Powered-By: %s', (banner, expected) => {
    expect(found({ 'x-powered-by': banner })).toEqual([{ ...expected, header: 'x-powered-by' }]);
  });

  it('X-AspNet-Version 4.0.30319 is the CLR of every .NET Framework 4.x: no cycle, no end of life claimed', () => {
    expect(found({ 'x-aspnet-version': '4.0.30319' })).toEqual([{ product: 'dotnetfx', version: '4.0.30319', cycle: null, eol: null, header: 'x-aspnet-version' }]);
    expect(found({ 'x-aspnet-version': '1.1.4322' })[0]).toMatchObject({ cycle: '1.1', eol: '2015-10-14' });
  });

  it('reads every product of a multi-product banner (OpenSSL in Apache’s Server header)', () => {
    expect(found({ server: 'Apache/2.4.29 (Unix) OpenSSL/1.0.2k PHP/7.2.24' })).toEqual([
      { product: 'apache-http-server', version: '2.4.29', cycle: '2.4', eol: false, header: 'server' },
      { product: 'openssl', version: '1.0.2k', cycle: '1.0.2', eol: '2019-12-31', header: 'server' },
      { product: 'php', version: '7.2.24', cycle: '7.2', eol: '2020-11-30', header: 'server' },
    ]);
    expect(found({ server: 'nginx OpenSSL/3.0.13' })[1]).toMatchObject({ product: 'openssl', cycle: '3.0', eol: '2026-09-07' });
  });

  it('finds jQuery in X-Generator-like strings', () => {
    expect(found({ 'x-generator': 'Drupal 7 (http://drupal.org); jQuery 1.12.4' })).toEqual([
      { product: 'jquery', version: '1.12.4', cycle: '1', eol: '2016-06-09', header: 'x-generator' },
    ]);
    expect(found({ 'x-generator': 'jquery/3.7.1' })[0]).toMatchObject({ cycle: '3', eol: false });
  });

  it('Node.js by version when named, and unknown cycles stay unknown (never guessed)', () => {
    expect(found({ 'x-powered-by': 'Node.js/v16.20.2' })[0]).toMatchObject({ product: 'nodejs', cycle: '16', eol: '2023-09-11' });
    expect(found({ server: 'nginx/1.31.0' })[0]).toMatchObject({ cycle: '1.31', eol: null });
  });

  it('a cycle older than the oldest listed is past its end of life', () => {
    expect(found({ 'x-powered-by': 'PHP/4.4.9' })[0]).toMatchObject({ cycle: '4.4', eol: true });
  });

  it('reads the headers case-insensitively, one entry per product (the versioned sighting wins)', () => {
    expect(found({ Server: 'Apache/2.2.15 (CentOS) PHP', 'X-Powered-By': 'PHP/5.6.40' })).toEqual([
      { product: 'apache-http-server', version: '2.2.15', cycle: '2.2', eol: '2017-07-11', header: 'server' },
      { product: 'php', version: '5.6.40', cycle: '5.6', eol: '2018-12-31', header: 'x-powered-by' },
    ]);
  });

  it('ignores other headers and unknown products', () => {
    expect(found({ 'x-request-id': 'nginx/1.2.3', server: 'Kestrel' })).toEqual([]);
  });

  it('the snapshot is dated, names its source and covers the products the issue lists', () => {
    expect(END_OF_LIFE_SNAPSHOT.source).toBe('https://endoflife.date');
    expect(END_OF_LIFE_SNAPSHOT.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const id of ['php', 'apache-http-server', 'nginx', 'iis', 'windows-server', 'openssl', 'tomcat', 'nodejs', 'jquery'] as const) {
      const cycles = END_OF_LIFE_SNAPSHOT.products[id].cycles;
      expect(cycles.length).toBeGreaterThan(2);
      for (const c of cycles) {
        expect(c.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(typeof c.eol === 'boolean' || /^\d{4}-\d{2}-\d{2}$/.test(c.eol)).toBe(true);
      }
    }
  });
});
