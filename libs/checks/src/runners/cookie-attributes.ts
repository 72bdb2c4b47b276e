import type { CookieAttributes } from '../check-run-result';

/** Results stay small: a response that sets more cookies than this is cut at it. */
export const MAX_COOKIES = 20;
const MAX_NAME_LENGTH = 100;

/**
 * The protection attributes of Set-Cookie lines (RFC 6265 §5.2): name, Secure, HttpOnly and
 * SameSite. Values are dropped here, before anything is stored: they may be session secrets.
 */
export function parseSetCookies(lines: readonly string[] | string | undefined): CookieAttributes[] {
  if (lines === undefined) return [];
  const cookies: CookieAttributes[] = [];
  for (const line of typeof lines === 'string' ? [lines] : lines) {
    const cookie = parseSetCookie(line);
    if (cookie) cookies.push(cookie);
    if (cookies.length >= MAX_COOKIES) break;
  }
  return cookies;
}

/** One Set-Cookie line; null when it names no cookie (RFC 6265 §5.2: such a line is ignored). */
export function parseSetCookie(line: string): CookieAttributes | null {
  const [pair, ...attributes] = line.split(';');
  const equals = pair.indexOf('=');
  const name = (equals === -1 ? '' : pair.slice(0, equals)).trim();
  if (!name) return null;
  const cookie: CookieAttributes = {
    name: name.slice(0, MAX_NAME_LENGTH),
    secure: false,
    httpOnly: false,
    sameSite: null,
  };
  for (const attribute of attributes) {
    const [key, ...rest] = attribute.split('=');
    switch (key.trim().toLowerCase()) {
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'samesite': {
        const value = rest.join('=').trim().toLowerCase();
        cookie.sameSite =
          value === 'strict' ? 'Strict' : value === 'lax' ? 'Lax' : value === 'none' ? 'None' : null;
        break;
      }
    }
  }
  return cookie;
}

/** Cookies of several responses (a redirect chain): the last one of each name wins. */
export function mergeCookies(
  earlier: readonly CookieAttributes[],
  later: readonly CookieAttributes[],
): CookieAttributes[] {
  const byName = new Map<string, CookieAttributes>();
  for (const cookie of [...earlier, ...later]) {
    byName.delete(cookie.name);
    byName.set(cookie.name, cookie);
  }
  return [...byName.values()].slice(0, MAX_COOKIES);
}
