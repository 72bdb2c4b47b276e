import { SESSION_COOKIE } from '@kuzet/contracts';
import { parse, serialize } from 'cookie';

/** The request facts the cookie's Secure flag depends on. */
export interface RequestTransport {
  protocol?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** 'auto': Secure when the request came over HTTPS, directly or per X-Forwarded-Proto. */
export function cookieIsSecure(setting: boolean | 'auto', request: RequestTransport): boolean {
  if (setting !== 'auto') return setting;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return request.protocol === 'https' || first === 'https';
}

export function sessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}

/** The session token of a Cookie header, if any. */
export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const value = parse(cookieHeader)[SESSION_COOKIE];
  return value || undefined;
}
