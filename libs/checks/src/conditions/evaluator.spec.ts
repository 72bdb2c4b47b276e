import { ConditionContext, evaluateCondition, evaluateConditions, parseCondition } from './index';

const http: ConditionContext = {
  status: 200,
  responseTimeMs: 800,
  body: JSON.stringify({ status: 'UP', data: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], 'a-b': 7, count: '42', nil: null }),
  headers: { 'content-type': 'application/json; charset=utf-8' },
  certificateExpiresInMs: 14 * 86_400_000,
  dnsRcode: 'NOERROR',
  connected: true,
  ip: '10.0.0.1',
  tlsVersion: 'TLSv1.3',
};

function run(text: string, ctx: ConditionContext = http) {
  return evaluateCondition(parseCondition(text), ctx);
}

describe('evaluateCondition', () => {
  it.each<[string, boolean]>([
    // The Gatus examples.
    ['[STATUS] == 200', true],
    ['[RESPONSE_TIME] < 801', true],
    ['[BODY].status == "UP"', true],
    ['[CERTIFICATE_EXPIRATION] > 13d', true],
    ['[DNS_RCODE] == NOERROR', true],
    ['len([BODY].data) == 3', true],
    ['has([BODY].errors) == false', true],
    ['[BODY] == pat(*UP*)', true],
    ['[STATUS] == any(200, 201)', true],
    // Every placeholder.
    ['[HEADERS].content-type == pat(application/json*)', true],
    ['[HEADERS].Content-Type == pat(application/json*)', true],
    ['[CONNECTED] == true', true],
    ['[CONNECTED] != false', true],
    ['[IP] == 10.0.0.1', true],
    ['[TLS_VERSION] == TLSv1.3', true],
    ['[TLS_VERSION] == "TLSv1.2"', false],
    ['[BODY].data[1].name == b', true],
    ['[BODY].data.2.name == c', true],
    ['[BODY].a-b == 7', true],
    ['[BODY].nil == null', true],
    // Numeric strings compare numerically; other text by equality.
    ['[BODY].count == 42.0', true],
    ['[BODY].count > 41', true],
    ['[STATUS] == "200"', true],
    ['[BODY].status != DOWN', true],
    // Operators.
    ['[STATUS] != 200', false],
    ['[STATUS] >= 200', true],
    ['[STATUS] <= 199', false],
    ['[STATUS] > -1', true],
    ['[RESPONSE_TIME] < 1s', true],
    ['[RESPONSE_TIME] > 0.5s', true],
    // Functions.
    ['len([BODY].status) == 2', true],
    ['len([BODY]) > 10', true],
    ['len([BODY].nil) == 0', true],
    ['has([BODY].data[2].name) == true', true],
    ['has([BODY].data[3]) == false', true],
    ['has([HEADERS].content-type) == true', true],
    ['has([HEADERS].x-missing) == false', true],
    ['has([DNS_RCODE]) == true', true],
    ['[BODY].status != pat(DO*)', true],
    ['[BODY].status == pat("U*")', true],
    ['[BODY].status == pat(*X*)', false],
    ['[STATUS] == any(201, 204)', false],
    ['[BODY].status == any(DOWN, "UP")', true],
    ['[STATUS] == any([STATUS])', true],
    // Literals on the left.
    ['"a b" == "a b"', true],
    ['1.5 < 2', true],
  ])('%s -> %s', (text, success) => {
    const outcome = run(text);
    expect(outcome.error).toBeUndefined();
    expect(outcome.success).toBe(success);
    expect(outcome.condition).toBe(text);
  });

  describe('at an exact threshold', () => {
    it.each<[string, boolean]>([
      ['[RESPONSE_TIME] < 800', false],
      ['[RESPONSE_TIME] <= 800', true],
      ['[RESPONSE_TIME] == 800', true],
      ['[RESPONSE_TIME] > 800', false],
      ['[RESPONSE_TIME] >= 800', true],
      ['[RESPONSE_TIME] < 800ms', false],
      ['[CERTIFICATE_EXPIRATION] > 14d', false],
      ['[CERTIFICATE_EXPIRATION] >= 14d', true],
      ['[CERTIFICATE_EXPIRATION] == 336h', true],
    ])('%s -> %s', (text, success) => {
      expect(run(text)).toMatchObject({ success });
    });
  });

  it('sets actual to the resolved left value', () => {
    expect(run('[STATUS] == 503')).toEqual({ condition: '[STATUS] == 503', success: false, actual: '200' });
    expect(run('len([BODY].data) == 3').actual).toBe('3');
    expect(run('[BODY].data[0] == x').actual).toBe('{"name":"a"}');
  });

  it('shortens actual to 100 characters', () => {
    const outcome = run('[BODY] == x', { body: 'y'.repeat(500) });
    expect(outcome.actual).toHaveLength(100);
    expect(outcome.actual!.endsWith('…')).toBe(true);
  });

  it('fails with an error naming a placeholder the context does not provide', () => {
    const outcome = run('[DNS_RCODE] == NOERROR', { status: 200 });
    expect(outcome.success).toBe(false);
    expect(outcome.error).toContain('[DNS_RCODE]');
    expect(outcome.actual).toBeUndefined();
    expect(run('[STATUS] == any(200, [IP])', { status: 201 }).error).toContain('[IP]');
  });

  it('fails with an error for a path into a body that is not JSON', () => {
    const outcome = run('[BODY].status == UP', { body: '<html>UP</html>' });
    expect(outcome.success).toBe(false);
    expect(outcome.error).toContain('not valid JSON');
    // has() only asks whether the path exists, so a non-JSON body just answers false.
    expect(run('has([BODY].status) == false', { body: '<html>' })).toMatchObject({ success: true });
  });

  it('fails with an error for a path with no value or a missing header', () => {
    expect(run('[BODY].nope == 1').error).toContain('[BODY].nope');
    expect(run('[HEADERS].x-nope == 1').error).toContain('[HEADERS].x-nope');
  });

  it('treats ordering on non-numbers as an error, not a quiet false', () => {
    const outcome = run('[BODY].status < 5');
    expect(outcome.success).toBe(false);
    expect(outcome.error).toContain('both sides must be numbers');
    expect(outcome.actual).toBe('UP');
  });
});

describe('evaluateConditions', () => {
  it('turns parse errors into failed outcomes', () => {
    expect(evaluateConditions(['[STATUS] == 200', '[STATUS] 200'], http)).toEqual([
      { condition: '[STATUS] == 200', success: true, actual: '200' },
      {
        condition: '[STATUS] 200',
        success: false,
        error: 'invalid condition: expected an operator (==, !=, <, <=, >, >=) at position 9',
      },
    ]);
  });

  it('parses the body as JSON at most once per call', () => {
    const spy = jest.spyOn(JSON, 'parse');
    try {
      evaluateConditions(['[BODY].status == UP', 'len([BODY].data) == 3', 'has([BODY].x) == false'], http);
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockClear();
      evaluateConditions(['[STATUS] == 200', '[BODY] == pat(*UP*)'], http);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
