import { CompressedBody, pickEncoding } from '../http/compressed-body';

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

interface RequestHeaders {
  headers: { 'if-none-match'?: string | string[]; 'accept-encoding'?: string | string[] };
}
interface Reply {
  header(name: string, value: string): unknown;
  status(code: number): Reply;
  type(contentType: string): Reply;
  send(body?: string | Buffer): unknown;
}

/**
 * Sends a generated document with its ETag and Cache-Control; 304 when the client has it. With
 * `compressed` (made once per document), a client that accepts brotli or gzip gets that copy.
 */
export async function sendCached(
  request: RequestHeaders,
  reply: Reply,
  document: { body: string; etag: string; contentType: string; cacheControl: string; compressed?: CompressedBody },
): Promise<void> {
  reply.header('Cache-Control', document.cacheControl);
  reply.header('ETag', document.etag);
  if (document.compressed) reply.header('Vary', 'Accept-Encoding');
  if (etagMatches(request.headers['if-none-match'], document.etag)) {
    await reply.status(304).send();
    return;
  }
  const encoding = document.compressed ? pickEncoding(request.headers['accept-encoding']) : 'identity';
  if (encoding === 'identity' || !document.compressed) {
    await reply.type(document.contentType).send(document.body);
    return;
  }
  const body = await document.compressed.body(encoding);
  reply.header('Content-Encoding', encoding);
  await reply.type(document.contentType).send(body);
}
