import { personaSessionCookie } from './persona-session-cookie';

describe('personaSessionCookie', () => {
  it('flags the modern session cookie fully, over HTTPS only', () => {
    expect(personaSessionCookie('modern', true)).toBe(
      'session=simulated; Path=/; Secure; HttpOnly; SameSite=Lax',
    );
    expect(personaSessionCookie('modern', false)).toBeNull();
  });

  it('leaves the neglected and abandoned cookies unflagged, on both schemes', () => {
    for (const persona of ['neglected', 'abandoned']) {
      expect(personaSessionCookie(persona, true)).toBe('PHPSESSID=simulated; Path=/');
      expect(personaSessionCookie(persona, false)).toBe('PHPSESSID=simulated; Path=/');
    }
  });

  it('sets HttpOnly only for the dated and legacy-windows stacks', () => {
    expect(personaSessionCookie('dated', true)).toBe('PHPSESSID=simulated; Path=/; HttpOnly');
    expect(personaSessionCookie('legacy-windows', false)).toBe(
      'ASP.NET_SessionId=simulated; Path=/; HttpOnly',
    );
  });

  it('sets no cookie for a persona it does not know', () => {
    expect(personaSessionCookie('custom', true)).toBeNull();
  });
});
