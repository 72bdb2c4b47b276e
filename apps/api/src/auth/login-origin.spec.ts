import { isForeignOrigin } from './login-origin';

describe('isForeignOrigin', () => {
  it('accepts no Origin (no browser), and an Origin naming the Host or the X-Forwarded-Host', () => {
    expect(isForeignOrigin({ host: 'kuzet.kz' })).toBe(false);
    expect(isForeignOrigin({ host: 'kuzet.kz', origin: 'https://kuzet.kz' })).toBe(false);
    expect(isForeignOrigin({ host: 'localhost:5173', origin: 'http://localhost:5173' })).toBe(false);
    expect(isForeignOrigin({ host: '10.0.0.5:3000', 'x-forwarded-host': 'status.gov.kz', origin: 'https://status.gov.kz' })).toBe(false);
    expect(isForeignOrigin({ host: 'kuzet.kz', 'sec-fetch-site': 'same-origin' })).toBe(false);
  });

  it('refuses another site, another port, "null" and a cross-site fetch without Origin', () => {
    expect(isForeignOrigin({ host: 'kuzet.kz', origin: 'https://evil.example' })).toBe(true);
    expect(isForeignOrigin({ host: 'kuzet.kz', origin: 'https://kuzet.kz:8443' })).toBe(true);
    expect(isForeignOrigin({ host: 'kuzet.kz', origin: 'https://kuzet.kz.evil.example' })).toBe(true);
    expect(isForeignOrigin({ host: 'kuzet.kz', origin: 'null' })).toBe(true);
    expect(isForeignOrigin({ host: 'kuzet.kz', 'sec-fetch-site': 'cross-site' })).toBe(true);
  });
});
