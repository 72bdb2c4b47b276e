import { secureContextFor } from './secure-contexts';

describe('secureContextFor', () => {
  it('builds one context per distinct spec and hands the same one back', () => {
    const system = secureContextFor();
    expect(secureContextFor({})).toBe(system);
    const tls10 = secureContextFor({ minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' });
    expect(tls10).not.toBe(system);
    expect(secureContextFor({ minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' })).toBe(tls10);
    expect(secureContextFor({ minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' })).not.toBe(tls10);
  });
});
