import type { AppConfig } from '../config/app-config';
import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  let t = 0;
  const config = { auth: { loginRateLimit: 3, loginRateWindowMs: 60_000 } } as AppConfig;
  const limiter = () => new LoginRateLimiter(config, () => t);

  beforeEach(() => (t = 1_000_000));

  it('lets a key fail up to the limit, then refuses it until its window ends', () => {
    const l = limiter();
    const keys = ['address:1.2.3.4', 'email:a@b.kz'];
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfterMs(keys)).toBe(0);
      l.recordFailure(keys);
      t += 1_000;
    }
    expect(l.retryAfterMs(keys)).toBe(57_000);
    t += 56_999;
    expect(l.retryAfterMs(keys)).toBe(1);
    t += 1;
    expect(l.retryAfterMs(keys)).toBe(0);
  });

  it('counts each key on its own: a blocked address blocks every e-mail from it', () => {
    const l = limiter();
    for (const email of ['a', 'b', 'c']) l.recordFailure(['address:x', `email:${email}`]);
    expect(l.retryAfterMs(['address:x', 'email:d'])).toBeGreaterThan(0);
    expect(l.retryAfterMs(['address:y', 'email:a'])).toBe(0);
  });

  it('reset clears a key (a successful sign-in clears its e-mail)', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure(['email:a']);
    expect(l.retryAfterMs(['email:a'])).toBeGreaterThan(0);
    l.reset('email:a');
    expect(l.retryAfterMs(['email:a'])).toBe(0);
  });
});
