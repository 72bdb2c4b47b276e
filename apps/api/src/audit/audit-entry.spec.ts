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
});
