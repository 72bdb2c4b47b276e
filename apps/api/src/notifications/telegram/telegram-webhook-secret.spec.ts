import { telegramSecretMatches } from './telegram-webhook-secret';

describe('telegramSecretMatches', () => {
  const secret = 'telegram-webhook-secret-0123456789';

  it('takes only the configured secret', () => {
    expect(telegramSecretMatches(secret, secret)).toBe(true);
    expect(telegramSecretMatches(`${secret}x`, secret)).toBe(false);
    expect(telegramSecretMatches(secret.slice(1), secret)).toBe(false);
    expect(telegramSecretMatches(undefined, secret)).toBe(false);
    expect(telegramSecretMatches([secret, secret], secret)).toBe(false);
  });

  it('refuses everything when no secret is configured, even an empty header', () => {
    expect(telegramSecretMatches('', undefined)).toBe(false);
    expect(telegramSecretMatches(secret, undefined)).toBe(false);
  });
});
