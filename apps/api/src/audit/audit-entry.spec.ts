import { redactSecrets } from './audit-entry';

describe('redactSecrets', () => {
  it('blanks values under keys naming a password, secret or token, at any depth', () => {
    expect(
      redactSecrets({ email: 'a@b.kz', password: 'hunter22', nested: [{ push_token: 'abc', ok: 1 }], client_secret: 'x' }),
    ).toEqual({ email: 'a@b.kz', password: '[redacted]', nested: [{ push_token: '[redacted]', ok: 1 }], client_secret: '[redacted]' });
  });

  it('keeps boolean markers such as password_reset: they say what happened, not the secret', () => {
    expect(redactSecrets({ password_reset: true, token_revoked: false })).toEqual({ password_reset: true, token_revoked: false });
  });

  it('blanks check credentials in catalog bodies: secret headers, request body, tcp payload; keeps the rest', () => {
    const body = {
      code: 'portal',
      checks: [
        {
          code: 'auth',
          kind: 'http',
          options: { method: 'POST', headers: { Authorization: 'Bearer abc', 'X-Api-Key': 'k', Accept: 'text/html' }, body: 'password=1' },
        },
        { code: 'raw', kind: 'tcp', options: { send: 'AUTH pw', expect: '+OK' } },
      ],
    };
    expect(redactSecrets(body)).toEqual({
      code: 'portal',
      checks: [
        {
          code: 'auth',
          kind: 'http',
          options: {
            method: 'POST',
            headers: { Authorization: '[redacted]', 'X-Api-Key': '[redacted]', Accept: 'text/html' },
            body: '[redacted]',
          },
        },
        { code: 'raw', kind: 'tcp', options: { send: '[redacted]', expect: '+OK' } },
      ],
    });
  });
});
