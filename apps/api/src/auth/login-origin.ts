import type { IncomingHttpHeaders } from 'node:http';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0].trim().toLowerCase();

/**
 * Whether a sign-in comes from a page of another site. Browsers send Origin on every POST; it must
 * name the host the request was sent to (Host, or X-Forwarded-Host set by a proxy; a cross-site
 * page can set neither). Without Origin, Sec-Fetch-Site tells; a client that sends neither (curl,
 * the CLI, tests) is no browser and cannot be the victim of login CSRF.
 */
export function isForeignOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = first(headers.origin);
  if (origin === undefined) return first(headers['sec-fetch-site']) === 'cross-site';
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, privacy redirects) or garbage
  }
  const own = [first(headers.host), first(headers['x-forwarded-host'])].filter((h): h is string => !!h);
  return !own.includes(originHost);
}
