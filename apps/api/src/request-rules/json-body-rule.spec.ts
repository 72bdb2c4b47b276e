import { jsonBodyRefusal } from './json-body-rule';

describe('jsonBodyRefusal', () => {
  const body = (type?: string) => ({ 'content-length': '10', ...(type ? { 'content-type': type } : {}) });

  it('lets JSON writes, writes without a body and reads pass', () => {
    expect(jsonBodyRefusal('POST', '/api/auth/login', body('application/json'))).toBeUndefined();
    expect(jsonBodyRefusal('PATCH', '/api/users/1', body('Application/JSON; charset=utf-8'))).toBeUndefined();
    expect(jsonBodyRefusal('POST', '/api/incidents/1/ack', { 'content-length': '0' })).toBeUndefined();
    expect(jsonBodyRefusal('GET', '/api/audit', body('text/plain'))).toBeUndefined();
  });

  it('refuses form, multipart, text and untyped bodies on writes under /api', () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', undefined])
      expect(jsonBodyRefusal('POST', '/api/auth/login', body(type))).toContain('application/json');
    expect(jsonBodyRefusal('DELETE', '/api/catalog/systems/x', { 'transfer-encoding': 'chunked', 'content-type': 'text/plain' })).toBeDefined();
  });

  it('keeps heartbeat pushes open to any body', () => {
    expect(jsonBodyRefusal('POST', '/api/push/abc?x=1', body('text/plain'))).toBeUndefined();
  });

  it('takes the one-click unsubscribe form a mail provider POSTs (RFC 8058), and nothing else under public', () => {
    const form = body('application/x-www-form-urlencoded');
    expect(jsonBodyRefusal('POST', '/api/public/v1/subscriptions/unsubscribe?token=abc', form)).toBeUndefined();
    expect(jsonBodyRefusal('POST', '/api/public/v1/subscriptions', form)).toContain('application/json');
  });

  it('takes the public sign-up form as urlencoded only: no multipart or text there, and no form on the JSON sign-up', () => {
    expect(jsonBodyRefusal('POST', '/api/public/v1/subscriptions/form', body('application/x-www-form-urlencoded'))).toBeUndefined();
    expect(jsonBodyRefusal('POST', '/api/public/v1/subscriptions/form', body('multipart/form-data; boundary=x'))).toContain('application/json');
    expect(jsonBodyRefusal('POST', '/api/public/v1/subscriptions/form', body('text/plain'))).toContain('application/json');
    expect(jsonBodyRefusal('POST', '/api/public/v1/subscriptions/form/x', body('application/x-www-form-urlencoded'))).toContain('application/json');
  });
});
