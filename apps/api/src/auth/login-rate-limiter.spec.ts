import type { AppConfig } from '../config/app-config';
import { LoginRateLimiter } from './login-rate-limiter';
import { MemoryRateLimitStore } from './rate-limit-store';

describe('LoginRateLimiter', () => {
  const config = { auth: { loginRateLimit: 3, loginAddressLimit: 5, loginRateWindowMs: 60_000 } } as AppConfig;

  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('blocks an (e-mail, address) pair after its failures in a row, until the window ends', async () => {
    const l = new LoginRateLimiter(config, new MemoryRateLimitStore());
    for (let i = 0; i < 3; i++) {
      expect(await l.signInWaitMs('a@b.kz', '10.0.0.1')).toBe(0);
      await l.recordSignInFailure('a@b.kz', '10.0.0.1');
      jest.advanceTimersByTime(1_000);
    }
    expect(await l.signInWaitMs('a@b.kz', '10.0.0.1')).toBe(57_000);
    jest.advanceTimersByTime(57_000);
    expect(await l.signInWaitMs('a@b.kz', '10.0.0.1')).toBe(0);
  });

  it('never blocks the same e-mail from an address without failures', async () => {
    const l = new LoginRateLimiter(config, new MemoryRateLimitStore());
    for (let i = 0; i < 4; i++) await l.recordSignInFailure('a@b.kz', '10.0.0.1');
    expect(await l.signInWaitMs('a@b.kz', '10.0.0.1')).toBeGreaterThan(0);
    expect(await l.signInWaitMs('a@b.kz', '10.0.0.2')).toBe(0);
  });

  it('blocks an address after its failures for any e-mails, whatever e-mail it tries next', async () => {
    const l = new LoginRateLimiter(config, new MemoryRateLimitStore());
    for (let i = 0; i < 5; i++) await l.recordSignInFailure(`x${i}@b.kz`, '10.0.0.1');
    expect(await l.signInWaitMs('fresh@b.kz', '10.0.0.1')).toBeGreaterThan(0);
    expect(await l.signInWaitMs('fresh@b.kz', '10.0.0.2')).toBe(0);
  });

  it('a success clears the pair, not the address', async () => {
    const l = new LoginRateLimiter(config, new MemoryRateLimitStore());
    for (let i = 0; i < 2; i++) await l.recordSignInFailure('a@b.kz', '10.0.0.1');
    await l.recordSignInSuccess('a@b.kz', '10.0.0.1');
    for (let i = 0; i < 2; i++) await l.recordSignInFailure('a@b.kz', '10.0.0.1');
    expect(await l.signInWaitMs('a@b.kz', '10.0.0.1')).toBe(0);
    await l.recordSignInFailure('a@b.kz', '10.0.0.1');
    // Five failures from the address in all: its own limit now holds.
    expect(await l.signInWaitMs('other@b.kz', '10.0.0.1')).toBeGreaterThan(0);
  });

  it('an unknown address (null) is one key of its own', async () => {
    const l = new LoginRateLimiter(config, new MemoryRateLimitStore());
    for (let i = 0; i < 3; i++) await l.recordSignInFailure('a@b.kz', null);
    expect(await l.signInWaitMs('a@b.kz', null)).toBeGreaterThan(0);
  });

  it('limits wrong current passwords per user, cleared by a success', async () => {
    const l = new LoginRateLimiter(config, new MemoryRateLimitStore());
    for (let i = 0; i < 2; i++) await l.recordPasswordChangeFailure(7);
    await l.recordPasswordChangeSuccess(7);
    for (let i = 0; i < 3; i++) await l.recordPasswordChangeFailure(7);
    expect(await l.passwordChangeWaitMs(7)).toBe(60_000);
    expect(await l.passwordChangeWaitMs(8)).toBe(0);
  });
});
