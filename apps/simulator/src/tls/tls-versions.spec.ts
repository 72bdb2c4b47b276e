import { constants } from 'node:crypto';
import { tlsVersionOptions } from './tls-versions';

describe('tlsVersionOptions', () => {
  it('serves a contiguous modern range with default ciphers', () => {
    expect(tlsVersionOptions(['TLSv1.2', 'TLSv1.3'])).toEqual({
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.3',
      secureOptions: 0,
    });
  });

  it('opens security level 0 when TLSv1/1.1 are offered', () => {
    expect(tlsVersionOptions(['TLSv1', 'TLSv1.1', 'TLSv1.2'])).toEqual({
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.2',
      secureOptions: 0,
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
  });

  it('switches off the versions inside the range that are not listed (legacy-windows skips 1.1)', () => {
    const o = tlsVersionOptions(['TLSv1.2', 'TLSv1']);
    expect(o.minVersion).toBe('TLSv1');
    expect(o.maxVersion).toBe('TLSv1.2');
    expect(o.secureOptions).toBe(constants.SSL_OP_NO_TLSv1_1);
  });

  it('refuses an empty list', () => {
    expect(() => tlsVersionOptions([])).toThrow();
  });
});
