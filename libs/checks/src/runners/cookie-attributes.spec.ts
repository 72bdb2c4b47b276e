import { MAX_COOKIES, mergeCookies, parseSetCookie, parseSetCookies } from './cookie-attributes';

describe('Set-Cookie attributes', () => {
  it('reads Secure, HttpOnly and SameSite, case-insensitively, and never the value', () => {
    const cookie = parseSetCookie(
      'SESSION=s3cr3t-value; Path=/; secure; HTTPONLY; SameSite=lax; Max-Age=3600',
    );
    expect(cookie).toEqual({ name: 'SESSION', secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(JSON.stringify(cookie)).not.toContain('s3cr3t');
  });

  it('reports a cookie without flags as unprotected', () => {
    expect(parseSetCookie('PHPSESSID=abc; path=/')).toEqual({
      name: 'PHPSESSID',
      secure: false,
      httpOnly: false,
      sameSite: null,
    });
  });

  it('normalises SameSite values and ignores unknown ones', () => {
    expect(parseSetCookie('a=1; SameSite=STRICT')!.sameSite).toBe('Strict');
    expect(parseSetCookie('a=1; SameSite=None; Secure')).toMatchObject({ sameSite: 'None', secure: true });
    expect(parseSetCookie('a=1; SameSite=sometimes')!.sameSite).toBeNull();
  });

  it('does not take a flag from inside the value', () => {
    expect(parseSetCookie('prefs=Secure-HttpOnly')).toMatchObject({ secure: false, httpOnly: false });
  });

  it('skips lines that name no cookie', () => {
    expect(parseSetCookie('=value; Secure')).toBeNull();
    expect(parseSetCookie('no-equals-sign')).toBeNull();
    expect(parseSetCookies(['=x', 'ok=1'])).toEqual([
      { name: 'ok', secure: false, httpOnly: false, sameSite: null },
    ]);
  });

  it('accepts a single line or none, and caps the count', () => {
    expect(parseSetCookies(undefined)).toEqual([]);
    expect(parseSetCookies('a=1; Secure')).toHaveLength(1);
    const many = Array.from({ length: MAX_COOKIES + 5 }, (_, i) => `c${i}=1`);
    expect(parseSetCookies(many)).toHaveLength(MAX_COOKIES);
  });

  it('keeps the last cookie of a name across a redirect chain', () => {
    const merged = mergeCookies(parseSetCookies(['a=1', 'b=1']), parseSetCookies(['a=2; Secure']));
    expect(merged).toEqual([
      { name: 'b', secure: false, httpOnly: false, sameSite: null },
      { name: 'a', secure: true, httpOnly: false, sameSite: null },
    ]);
  });
});
