import { ConditionParseError, parseCondition, printCondition, validateConditions } from './index';

describe('parseCondition', () => {
  it.each([
    ['[STATUS] == 200', { kind: 'placeholder', name: 'STATUS', path: [] }, '==', { kind: 'number', value: 200 }],
    ['[RESPONSE_TIME] < 800', { kind: 'placeholder', name: 'RESPONSE_TIME', path: [] }, '<', { kind: 'number', value: 800 }],
    ['[BODY].status == "UP"', { kind: 'placeholder', name: 'BODY', path: ['status'] }, '==', { kind: 'string', value: 'UP' }],
    [
      '[CERTIFICATE_EXPIRATION] > 14d',
      { kind: 'placeholder', name: 'CERTIFICATE_EXPIRATION', path: [] },
      '>',
      { kind: 'duration', amount: 14, unit: 'd', ms: 14 * 86_400_000 },
    ],
    ['[DNS_RCODE] == NOERROR', { kind: 'placeholder', name: 'DNS_RCODE', path: [] }, '==', { kind: 'word', value: 'NOERROR' }],
    [
      'len([BODY].data) == 3',
      { kind: 'len', arg: { kind: 'placeholder', name: 'BODY', path: ['data'] } },
      '==',
      { kind: 'number', value: 3 },
    ],
    [
      'has([BODY].errors) == false',
      { kind: 'has', arg: { kind: 'placeholder', name: 'BODY', path: ['errors'] } },
      '==',
      { kind: 'word', value: 'false' },
    ],
    ['[BODY] == pat(*UP*)', { kind: 'placeholder', name: 'BODY', path: [] }, '==', { kind: 'pat', pattern: '*UP*' }],
    [
      '[STATUS] == any(200, 201)',
      { kind: 'placeholder', name: 'STATUS', path: [] },
      '==',
      { kind: 'any', values: [{ kind: 'number', value: 200 }, { kind: 'number', value: 201 }] },
    ],
    [
      '[BODY].data[0].name != "x"',
      { kind: 'placeholder', name: 'BODY', path: ['data', 0, 'name'] },
      '!=',
      { kind: 'string', value: 'x' },
    ],
    ['[BODY].a-b <= -1.5', { kind: 'placeholder', name: 'BODY', path: ['a-b'] }, '<=', { kind: 'number', value: -1.5 }],
    [
      '[HEADERS].content-type == pat(application/json*)',
      { kind: 'placeholder', name: 'HEADERS', path: ['content-type'] },
      '==',
      { kind: 'pat', pattern: 'application/json*' },
    ],
    ['[CONNECTED] == true', { kind: 'placeholder', name: 'CONNECTED', path: [] }, '==', { kind: 'word', value: 'true' }],
    ['[IP] == 10.0.0.1', { kind: 'placeholder', name: 'IP', path: [] }, '==', { kind: 'word', value: '10.0.0.1' }],
    ['[TLS_VERSION] == TLSv1.3', { kind: 'placeholder', name: 'TLS_VERSION', path: [] }, '==', { kind: 'word', value: 'TLSv1.3' }],
    ['[RESPONSE_TIME] >= 500ms', { kind: 'placeholder', name: 'RESPONSE_TIME', path: [] }, '>=', { kind: 'duration', amount: 500, unit: 'ms', ms: 500 }],
    ['[RESPONSE_TIME] < 30s', { kind: 'placeholder', name: 'RESPONSE_TIME', path: [] }, '<', { kind: 'duration', amount: 30, unit: 's', ms: 30_000 }],
    ['[RESPONSE_TIME] < 5m', { kind: 'placeholder', name: 'RESPONSE_TIME', path: [] }, '<', { kind: 'duration', amount: 5, unit: 'm', ms: 300_000 }],
    ['[RESPONSE_TIME] < 2h', { kind: 'placeholder', name: 'RESPONSE_TIME', path: [] }, '<', { kind: 'duration', amount: 2, unit: 'h', ms: 7_200_000 }],
    ['"a\\"b\\n\\u0041" == x', { kind: 'string', value: 'a"b\nA' }, '==', { kind: 'word', value: 'x' }],
    ['len("abc") == 3.25e1', { kind: 'len', arg: { kind: 'string', value: 'abc' } }, '==', { kind: 'number', value: 32.5 }],
  ])('%s', (text, left, operator, right) => {
    expect(parseCondition(text)).toEqual({ text, left, operator, right });
  });

  it('is whitespace-insensitive around tokens', () => {
    const tight = parseCondition('len([BODY].data)>=3');
    const loose = parseCondition('  len (  [BODY].data  )   >=\t3  ');
    expect(loose.left).toEqual(tight.left);
    expect(loose.operator).toBe('>=');
    expect(loose.right).toEqual(tight.right);
    expect(parseCondition('[STATUS]==any(200,201 , 204)').right).toEqual({
      kind: 'any',
      values: [200, 201, 204].map((value) => ({ kind: 'number', value })),
    });
  });

  it('prints a canonical form that parses back', () => {
    const parsed = parseCondition('[BODY]==pat("* UP *")');
    expect(printCondition(parsed)).toBe('[BODY] == pat("* UP *")');
    expect(printCondition(parseCondition('[STATUS]==any(200,"a b")'))).toBe('[STATUS] == any(200, "a b")');
  });

  // input -> [position, fragment of what was expected]
  it.each<[string, number, string]>([
    ['', 0, 'a placeholder or value'],
    ['[STATUS] 200', 9, 'an operator'],
    ['[STATUS]', 8, 'an operator'],
    ['[STATUS] = 200', 9, 'an operator'],
    ['[STATUS] ==', 11, 'a placeholder or value'],
    ['[STATUS] == 200 201', 16, 'the end of the condition'],
    ['[status] == 200', 1, 'a placeholder name'],
    ['[FOO] == 1', 1, 'a placeholder name'],
    ['[STATUS == 200', 7, "']'"],
    ['[BODY]. == 1', 7, 'a path key'],
    ['[BODY].a[x] == 1', 9, 'an array index'],
    ['[BODY].a[1 == 1', 10, "']'"],
    ['[HEADERS] == 1', 9, "'.' and a header name"],
    ['[STATUS].x == 1', 8, 'no path after [STATUS]'],
    ['[BODY] == "abc', 14, 'a closing \'"\''],
    ['[BODY] == "a\\qb"', 12, 'a valid escape'],
    ['len([BODY] == 1', 11, "')'"],
    ['foo([BODY]) == 1', 0, 'a function (len, has, pat, any)'],
    ['pat(*UP*) == [BODY]', 0, 'pat() is only allowed on the right'],
    ['[BODY] < pat(*UP*)', 9, 'pat() is only allowed on the right'],
    ['[STATUS] != any(1, 2)', 12, 'any() is only allowed on the right of =='],
    ['any(1) == [STATUS]', 0, 'any() is only allowed'],
    ['[STATUS] == any(1 2)', 18, "',' or ')'"],
    ['[STATUS] == any()', 16, 'a placeholder or value'],
    ['[BODY] == pat()', 14, 'a glob pattern'],
    ['len(len([BODY])) == 1', 4, 'functions do not nest'],
    ['== 200', 0, 'a placeholder or value'],
    ['[STATUS] == ,', 12, 'a placeholder or value'],
  ])('%j fails at position %i', (text, position, expected) => {
    let error: unknown;
    try {
      parseCondition(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConditionParseError);
    const parseError = error as ConditionParseError;
    expect(parseError.position).toBe(position);
    expect(parseError.message).toMatch(/^expected /);
    expect(parseError.message).toContain(expected);
    expect(parseError.message).toMatch(new RegExp(`at position ${position}$`));
  });

  it('reports the message shape the catalog shows', () => {
    expect(() => parseCondition('[STATUS] 200')).toThrow('expected an operator (==, !=, <, <=, >, >=) at position 9');
  });
});

describe('validateConditions', () => {
  it('lists only the conditions that do not parse, with index and position', () => {
    expect(validateConditions(['[STATUS] == 200', '[STATUS] 200', '[BODY].ok == true', ''])).toEqual([
      { index: 1, position: 9, message: 'expected an operator (==, !=, <, <=, >, >=) at position 9' },
      { index: 3, position: 0, message: 'expected a placeholder or value at position 0' },
    ]);
    expect(validateConditions([])).toEqual([]);
  });
});
