/** Cache-Control of the public API: a short max-age, and stale copies served while refreshing. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';

/** Cache-Control of the slower-moving public documents (uptime, open data, feeds, badges). */
export const PUBLIC_SLOW_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** Whether If-None-Match names this ETag (weak comparison, RFC 9110 section 13.1.2). */
export function etagMatches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((t) => opaque(t) === opaque(etag));
}
