import { REDACTED, redactHeaders, redactQuery, redactText, redactUrl } from './log-redaction';
import { serializeError, serializeRequest, serializeResponse } from './log-serializers';

describe('log redaction', () => {
  it('replaces credential headers, request and response, keeping the others', () => {
    const headers = {
      cookie: 'kuzet_session=abc',
      'set-cookie': ['kuzet_session=abc; HttpOnly'],
      authorization: 'Bearer kzp_x',
      'x-csrf-token': 'csrf',
      'x-api-key': 'k',
      'x-auth-token': 't',
      'x-xsrf-token': 't',
      'content-type': 'application/json',
      host: 'h',
    };
    expect(redactHeaders(headers)).toEqual({
      cookie: REDACTED,
      'set-cookie': REDACTED,
      authorization: REDACTED,
      'x-csrf-token': REDACTED,
      'x-api-key': REDACTED,
      'x-auth-token': REDACTED,
      'x-xsrf-token': REDACTED,
      'content-type': 'application/json',
      host: 'h',
    });
  });

  it('replaces the push token in the path and credential query parameters', () => {
    expect(redactUrl('/api/push/AbC123_-x')).toBe(`/api/push/${REDACTED}`);
    expect(redactUrl('/api/push/AbC123?status=ok&token=t1')).toBe(`/api/push/${REDACTED}?status=ok&token=${REDACTED}`);
    expect(redactUrl('/api/audit?actor=a&api_key=k&Secret=s&x=1')).toBe(`/api/audit?actor=a&api_key=${REDACTED}&Secret=${REDACTED}&x=1`);
    expect(redactUrl('/api/catalog/systems')).toBe('/api/catalog/systems');
    expect(redactQuery({ access_token: 'a', system: 's' })).toEqual({ access_token: REDACTED, system: 's' });
  });

  it('replaces credentials quoted in free text', () => {
    const text = 'GET /api/push/tok123?x=1 failed; Authorization: Bearer kzp_abc, cookie kuzet_session=zzz; next ?token=qq&a=1';
    const out = redactText(text);
    for (const secret of ['tok123', 'kzp_abc', 'zzz', 'qq']) expect(out).not.toContain(secret);
    expect(out).toContain('a=1');
  });

  it('serializes requests, responses and errors without credentials', () => {
    const req = serializeRequest({ url: '/api/push/p1', params: { token: 'p1' }, query: {}, headers: { cookie: 'c' } });
    expect(JSON.stringify(req)).not.toMatch(/p1|"c"/);
    expect(serializeResponse({ statusCode: 200, headers: { 'set-cookie': 's' } }).headers).toEqual({ 'set-cookie': REDACTED });
    const err = serializeError({
      type: 'Error',
      message: 'no check for /api/push/p2',
      stack: 'Error: at /api/push/p2',
      url: 'http://x/api/push/p2',
      headers: { authorization: 'Bearer p3' },
      parameters: ['p4'],
    } as never);
    expect(JSON.stringify(err)).not.toMatch(/p2|p3|p4/);
  });
});
