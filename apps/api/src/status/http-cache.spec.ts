import { brotliDecompressSync } from 'node:zlib';
import { CompressedBody } from '../http/compressed-body';
import { etagMatches, sendCached } from './http-cache';

describe('etagMatches', () => {
  it('compares weakly over a list, and * matches anything', () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('*', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(undefined, 'W/"abc"')).toBe(false);
  });
});

describe('sendCached with a compressed copy', () => {
  function reply() {
    const sent: { status: number; headers: Record<string, string>; body?: string | Buffer } = { status: 200, headers: {} };
    const r = {
      header: (name: string, value: string) => void (sent.headers[name.toLowerCase()] = value),
      status: (code: number) => ((sent.status = code), r),
      type: (contentType: string) => ((sent.headers['content-type'] = contentType), r),
      send: (body?: string | Buffer) => void (sent.body = body),
    };
    return { r, sent };
  }
  const body = JSON.stringify({ systems: Array.from({ length: 50 }, (_, i) => ({ code: `system-${i}`, status: 'operational' })) });
  const doc = { body, etag: 'W/"e1"', contentType: 'application/json', cacheControl: 'public, max-age=5', compressed: new CompressedBody(body) };

  it('sends brotli to a client that accepts it, the plain body to one that does not, and 304 to one that has it', async () => {
    const br = reply();
    await sendCached({ headers: { 'accept-encoding': 'gzip, br' } }, br.r, doc);
    expect(br.sent.headers['content-encoding']).toBe('br');
    expect(br.sent.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.sent.body as Buffer).toString()).toBe(body);
    const plain = reply();
    await sendCached({ headers: {} }, plain.r, doc);
    expect(plain.sent.headers['content-encoding']).toBeUndefined();
    expect(plain.sent.body).toBe(body);
    const again = reply();
    await sendCached({ headers: { 'if-none-match': 'W/"e1"', 'accept-encoding': 'br' } }, again.r, doc);
    expect(again.sent.status).toBe(304);
    expect(again.sent.body).toBeUndefined();
  });
});
