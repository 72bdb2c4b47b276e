import { PublicRateLimitGuard } from '../../../apps/api/src/status/public-rate-limit.guard';
import { startAuthTestApp, type AuthTestApp } from '../auth/support/auth-test-app';

// The public status JSON is answered in Fastify's first hook (web/fast-paths.ts) during a surge.
// Whatever the normal pipeline adds must be there too: the whole application (createApp) answers
// the exact path on the fast path, and the same path with a query string through the controller.
const SAME_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'access-control-allow-origin',
  'cache-control',
  'etag',
  'vary',
  'content-type',
  'content-encoding',
];

describe('the public status fast path (whole application, real PostgreSQL)', () => {
  let t: AuthTestApp;
  let controllerCalls: jest.SpyInstance;

  beforeAll(async () => {
    // The controller's guard runs on the normal pipeline only (a spy on the controller method
    // would hide its route metadata from Nest).
    controllerCalls = jest.spyOn(PublicRateLimitGuard.prototype, 'canActivate');
    t = await startAuthTestApp({ KUZET_PUBLIC_RATE_LIMIT: '6' });
  });
  afterAll(async () => {
    controllerCalls.mockRestore();
    await t?.close();
  });

  let client = 0;
  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = `198.51.100.${++client}`) =>
    t.app.inject({ method: 'GET', url, headers, remoteAddress });

  it('answers like the controller: the same body and headers (security, CORS, caching, encoding), 304 on If-None-Match', async () => {
    for (const headers of [{}, { 'accept-encoding': 'br, gzip' }, { 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
      const calls = controllerCalls.mock.calls.length;
      const fast = await get('/api/public/v1/status', headers);
      expect(controllerCalls.mock.calls.length).toBe(calls);
      const slow = await get('/api/public/v1/status?via=controller', headers);
      expect(controllerCalls.mock.calls.length).toBe(calls + 1);
      expect([fast.statusCode, slow.statusCode]).toEqual([200, 200]);
      expect(fast.rawPayload.equals(slow.rawPayload)).toBe(true);
      for (const name of SAME_HEADERS) expect([name, fast.headers[name]]).toEqual([name, slow.headers[name]]);
      expect(fast.headers['access-control-allow-origin']).toBe('*');
      expect(fast.headers['content-security-policy']).toContain("default-src 'self'");
    }
    const first = await get('/api/public/v1/status');
    const again = await get('/api/public/v1/status', { 'if-none-match': String(first.headers.etag) });
    expect([again.statusCode, again.body]).toEqual([304, '']);
    const head = await t.app.inject({ method: 'HEAD', url: '/api/public/v1/status' });
    expect([head.statusCode, head.body, head.headers.etag]).toEqual([200, '', first.headers.etag]);
  });

  it('counts the same per-address limit as the controller, and answers 429 with Retry-After and the same body', async () => {
    const address = '203.0.113.9';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await get(i % 2 ? '/api/public/v1/status' : '/api/public/v1/status?x=1', {}, address)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 200]);
    const fast = await get('/api/public/v1/status', {}, address);
    const slow = await get('/api/public/v1/status?x=2', {}, address);
    expect([fast.statusCode, slow.statusCode]).toEqual([429, 429]);
    expect(Number(fast.headers['retry-after'])).toBeGreaterThan(0);
    expect(fast.json()).toEqual(slow.json());
    expect(fast.headers['content-security-policy']).toBe(slow.headers['content-security-policy']);
    // Another address is not limited.
    expect((await get('/api/public/v1/status', {}, '203.0.113.10')).statusCode).toBe(200);
  });

  it('leaves every other method and path to the normal pipeline', async () => {
    const post = await t.app.inject({ method: 'POST', url: '/api/public/v1/status', payload: {} });
    expect(post.statusCode).toBe(404);
    expect((await get('/api/public/v1/statusx')).statusCode).toBe(404);
  });
});
