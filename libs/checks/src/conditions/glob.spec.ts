import { globMatch } from './glob';

describe('globMatch', () => {
  it.each<[string, string, boolean]>([
    ['*UP*', '{"status":"UP"}', true],
    ['UP', 'UP', true],
    ['UP', 'UPS', false],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['a*c', 'abbbc', true],
    ['a*c', 'abbbd', false],
    ['*.example.com', 'api.example.com', true],
    ['a**b', 'ab', true],
    ['a.c', 'abc', false],
  ])('%j ~ %j -> %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('stays fast on patterns that would make a regex backtrack', () => {
    const start = Date.now();
    expect(globMatch('*a*a*a*a*a*a*b', 'a'.repeat(20_000))).toBe(false);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
