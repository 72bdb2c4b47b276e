import { Persona } from '../fleet/fleet.types';
import { personaHeaders } from './persona-headers';

const modern: Persona = {
  code: 'modern',
  tls: ['TLSv1.2', 'TLSv1.3'],
  server: 'nginx/1.28.0',
  poweredBy: null,
  aspnetVersion: null,
  hsts: 'max-age=31536000; includeSubDomains',
  csp: "default-src 'self'",
  http2: true,
};
const windows: Persona = {
  code: 'legacy-windows',
  tls: ['TLSv1', 'TLSv1.2'],
  server: 'Microsoft-IIS/7.5',
  poweredBy: 'ASP.NET',
  aspnetVersion: '4.0.30319',
  hsts: null,
  csp: null,
  http2: false,
};

describe('personaHeaders', () => {
  it('sends HSTS over HTTPS only, CSP on both', () => {
    expect(personaHeaders(modern, true)).toEqual({
      Server: 'nginx/1.28.0',
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
      'Content-Security-Policy': "default-src 'self'",
    });
    expect(personaHeaders(modern, false)).toEqual({
      Server: 'nginx/1.28.0',
      'Content-Security-Policy': "default-src 'self'",
    });
  });

  it('reveals the old stack of a legacy persona', () => {
    expect(personaHeaders(windows, true)).toEqual({
      Server: 'Microsoft-IIS/7.5',
      'X-Powered-By': 'ASP.NET',
      'X-AspNet-Version': '4.0.30319',
    });
  });

  it('replaces everything with the outdated headers of the fault', () => {
    const headers = personaHeaders(modern, true, {
      type: 'headers_outdated',
      headers: { Server: 'Apache/2.2.3', 'X-Powered-By': 'PHP/5.3.3' },
    });
    expect(headers).toEqual({ Server: 'Apache/2.2.3', 'X-Powered-By': 'PHP/5.3.3' });
  });
});
