import { lookupJsonPath } from './json-path';

describe('lookupJsonPath', () => {
  const doc = { a: { b: [1, { c: 'x' }] }, 'a-b': 2 };

  it.each<[(string | number)[], unknown]>([
    [[], doc],
    [['a', 'b', 1, 'c'], 'x'],
    [['a', 'b', '0'], 1],
    [['a-b'], 2],
  ])('finds %j', (path, value) => {
    expect(lookupJsonPath(doc, path)).toEqual({ found: true, value });
  });

  it.each<[(string | number)[]]>([[['x']], [['a', 'b', 2]], [['a', 'b', 0, 'c']], [['constructor']], [['__proto__']], [['a', 'b', 'length']]])(
    'does not find %j',
    (path) => {
      expect(lookupJsonPath(doc, path)).toEqual({ found: false });
    },
  );
});
