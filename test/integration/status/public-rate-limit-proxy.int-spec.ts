import { AuthTestApp, startAuthTestApp } from '../auth/support/auth-test-app';

/** The whole application (createApp): the public budget follows the client address as KUZET_TRUST_PROXY says. */
describe.each([
  ['trusted proxy: each forwarded client has its own budget', '127.0.0.1', true],
  ['proxy trust off: X-Forwarded-For is ignored, the socket address counts', 'off', false],
] as const)('public API rate limit, %s', (_label, trust, separate) => {
  let t: AuthTestApp;

  beforeAll(async () => {
    t = await startAuthTestApp({ KUZET_TRUST_PROXY: trust, KUZET_PUBLIC_RATE_LIMIT: '2' });
  });
  afterAll(async () => t?.close());

  const get = (client: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/public/v1/systems',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': client },
    });

  it('limits per client address', async () => {
    expect((await get('198.51.100.7')).statusCode).toBe(200);
    expect((await get('198.51.100.7')).statusCode).toBe(200);
    const refused = await get('198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect((await get('198.51.100.8')).statusCode).toBe(separate ? 200 : 429);
  });
});
