import { generateProbeToken, hashProbeToken, probeTokenMatches, PROBE_TOKEN_PREFIX } from './probe-token-hash';

describe('probe token hashing', () => {
  it('generates 32 random bytes, base64url, with the prefix', () => {
    const token = generateProbeToken();
    expect(token.startsWith(PROBE_TOKEN_PREFIX)).toBe(true);
    expect(Buffer.from(token.slice(PROBE_TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(generateProbeToken()).not.toBe(token);
  });

  it('stores sha256 hex, never the token', () => {
    const token = generateProbeToken(() => Buffer.alloc(32, 1));
    const hash = hashProbeToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token.slice(4));
    expect(hashProbeToken(token)).toBe(hash);
  });

  it('verifies the right token and refuses others, malformed hashes included', () => {
    const token = generateProbeToken();
    const hash = hashProbeToken(token);
    expect(probeTokenMatches(token, hash)).toBe(true);
    expect(probeTokenMatches(`${token}x`, hash)).toBe(false);
    expect(probeTokenMatches(generateProbeToken(), hash)).toBe(false);
    expect(probeTokenMatches(token, 'abc')).toBe(false);
    expect(probeTokenMatches(token, '')).toBe(false);
  });
});
