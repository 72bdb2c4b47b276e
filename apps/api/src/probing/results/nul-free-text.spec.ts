import { jsonTextWithoutNul, jsonWithoutNul } from './nul-free-text';

describe('jsonTextWithoutNul', () => {
  it('drops NUL from strings and keys at any depth', () => {
    const value = { ['he\u0000ader']: ['a\u0000b', { deep: 'x\u0000' }], n: 1, ok: true, none: null };
    expect(jsonTextWithoutNul(value)).toBe('{"header":["ab",{"deep":"x"}],"n":1,"ok":true,"none":null}');
    expect(jsonTextWithoutNul(value)).toBe(JSON.stringify(jsonWithoutNul(value)));
  });

  it('leaves a value without NUL as JSON.stringify writes it', () => {
    const value = { timings: { ttfbMs: 2.1 }, urls: ['http://127.0.0.1/'], text: 'quote " and backslash \\' };
    expect(jsonTextWithoutNul(value)).toBe(JSON.stringify(value));
  });

  it('keeps a literal backslash-u0000 that is text, not a NUL', () => {
    const value = { text: 'see \\u0000 in the docs' };
    expect(JSON.parse(jsonTextWithoutNul(value))).toEqual(value);
  });
});
