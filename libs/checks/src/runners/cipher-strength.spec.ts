import { cipherStrengthBits } from './cipher-strength';

describe('cipher strength', () => {
  it.each([
    ['TLS_AES_128_GCM_SHA256', 128],
    ['TLS_AES_256_GCM_SHA384', 256],
    ['TLS_CHACHA20_POLY1305_SHA256', 256],
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 128],
    ['ECDHE-RSA-AES256-GCM-SHA384', 256],
    ['AES128-GCM-SHA256', 128],
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 112],
    ['DES-CBC3-SHA', 112],
    ['TLS_RSA_WITH_RC4_128_SHA', 128],
    ['TLS_RSA_WITH_DES_CBC_SHA', 56],
    ['TLS_RSA_EXPORT_WITH_RC4_40_MD5', 40],
    ['TLS_RSA_WITH_NULL_SHA256', 0],
    ['TLS_RSA_WITH_CAMELLIA_256_CBC_SHA', 256],
    ['TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256', 128],
  ])('%s is %i bits', (name, bits) => {
    expect(cipherStrengthBits(name)).toBe(bits);
  });

  it('is null for an unknown or missing suite', () => {
    expect(cipherStrengthBits('TLS_FUTURE_CIPHER')).toBeNull();
    expect(cipherStrengthBits(null)).toBeNull();
    expect(cipherStrengthBits('')).toBeNull();
  });
});
