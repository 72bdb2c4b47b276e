import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { LoginRateLimiter } from '../../../apps/api/src/auth/login-rate-limiter';
import { RedisRateLimitStore } from '../../../apps/api/src/auth/redis-rate-limit-store';

/**
 * With REDIS_URL the sign-in counters live in Redis (the real one of these machines): failures
 * counted on one API node block the same guesses on another, and a success on either clears them.
 */
describe('sign-in limits in Redis, shared by two API nodes', () => {
  const redisUrl = 'redis://127.0.0.1:6379';
  const prefix = `kuzet.rate-test.${process.pid}.${Date.now()}`;
  const config = loadAppConfig(
    {},
    { REDIS_URL: redisUrl, KUZET_REDIS_KEY: prefix, KUZET_LOGIN_RATE_LIMIT: '3', KUZET_LOG_LEVEL: 'silent' },
  );
  const stores = [new RedisRateLimitStore(redisUrl, prefix), new RedisRateLimitStore(redisUrl, prefix)];
  const [nodeA, nodeB] = stores.map((s) => new LoginRateLimiter(config, s));

  afterAll(async () => {
    for (const s of stores) await s.onModuleDestroy();
  });

  it('failures on node A block the pair on node B; a success on B clears it for A', async () => {
    const email = `guess-${Date.now()}@example.kz`;
    const address = '203.0.113.7';
    expect(await nodeB.signInWaitMs(email, address)).toBe(0);
    for (let i = 0; i < 3; i++) await nodeA.recordSignInFailure(email, address);
    const wait = await nodeB.signInWaitMs(email, address);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(config.auth.loginRateWindowMs);
    // another address for the same e-mail is not blocked by these guesses
    expect(await nodeB.signInWaitMs(email, '198.51.100.1')).toBe(0);
    await nodeB.recordSignInSuccess(email, address);
    expect(await nodeA.signInWaitMs(email, address)).toBe(0);
  });
});
