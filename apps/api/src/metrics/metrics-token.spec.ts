import { bearerTokenMatches } from './metrics-token';

describe('bearerTokenMatches', () => {
  const token = 'scrape-token-0123456789abcdef';

  it('accepts exactly "Bearer <token>" (scheme case-insensitive)', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the bare token', token],
    ['another scheme', `Basic ${token}`],
    ['a prefix of the token', `Bearer ${token.slice(0, -1)}`],
    ['the token and more', `Bearer ${token}x`],
    ['one character changed', `Bearer ${token.slice(0, -1)}X`],
    ['two headers', [`Bearer ${token}`, `Bearer ${token}`]],
  ])('refuses %s', (_name, header) => {
    expect(bearerTokenMatches(header as string | string[] | undefined, token)).toBe(false);
  });
});
