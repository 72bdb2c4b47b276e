import { tokenize } from './tokenizer';

describe('tokenize', () => {
  it('classifies bare runs as numbers, durations or words, keeping positions', () => {
    expect(tokenize('-1.5 2e3 500ms 14d NOERROR 10.0.0.1 *UP*')).toEqual([
      { kind: 'number', position: 0, raw: '-1.5', value: -1.5 },
      { kind: 'number', position: 5, raw: '2e3', value: 2000 },
      { kind: 'duration', position: 9, raw: '500ms', amount: 500, unit: 'ms', ms: 500 },
      { kind: 'duration', position: 15, raw: '14d', amount: 14, unit: 'd', ms: 14 * 86_400_000 },
      { kind: 'word', position: 19, raw: 'NOERROR' },
      { kind: 'word', position: 27, raw: '10.0.0.1' },
      { kind: 'word', position: 36, raw: '*UP*' },
      { kind: 'eof', position: 40 },
    ]);
  });

  it('reads operators, punctuation, placeholders with paths and stray = / ! as invalid', () => {
    expect(tokenize('[BODY].a[2]<=(,)=!').map((t) => t.kind)).toEqual([
      'placeholder', 'operator', 'lparen', 'comma', 'rparen', 'invalid', 'invalid', 'eof',
    ]);
    expect(tokenize('[HEADERS].x.y')[0]).toEqual({ kind: 'placeholder', position: 0, name: 'HEADERS', path: ['x.y'] });
  });
});
