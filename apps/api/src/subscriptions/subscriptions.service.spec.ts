import { Logger } from '@nestjs/common';
import { MemoryRateLimitStore } from '../auth/rate-limit-store';
import type { AppConfig } from '../config/app-config';
import { FakeClock } from '../incidents/testing/fake-incidents';
import type { NewOutboxRow } from '../notifications/notification-records';
import { DEFAULT_NOTIFICATIONS_OPTIONS } from '../notifications/notifications.options';
import { SubscriptionRateLimiter } from './subscription-rate-limiter';
import type { SubscriptionRecord, SubscriptionScope } from './subscription-record';
import { SubscriptionTokens, tokenHash } from './subscription-tokens';
import { SubscriptionRateLimitedError, SubscriptionScopeNotFoundError } from './subscriptions.errors';
import { CONFIRM_TTL_MS, SubscriptionsService, type SignUp } from './subscriptions.service';
import type { SubscriptionsTx, SubscriptionsUnitOfWork } from './subscriptions-unit-of-work';

type Row = SubscriptionRecord & { confirmHash: string | null };

/** The subscriptions' store in memory: what the service's logic needs of the SQL. */
class FakeStore {
  rows: Row[] = [];
  outbox: NewOutboxRow[] = [];
  readonly tx = {
    subscriptions: {
      publicSystem: async (code: string) => (code === 'egov-portal' ? { id: 3, name: { kk: 'k', ru: 'r', en: 'e' } } : undefined),
      publicAgency: async (code: string) => (code === 'egov' ? { id: 2, name: { kk: 'k', ru: 'r', en: 'e' } } : undefined),
      find: async (channel: string, address: string, scope: SubscriptionScope) =>
        this.rows.find((r) => r.channel === channel && r.address === address && JSON.stringify(r.scope) === JSON.stringify(scope)),
      insert: async (s: { channel: Row['channel']; address: string; scope: SubscriptionScope; language: Row['language']; state: Row['state']; confirmTokenHash: string | null; confirmExpiresAt: number | null; unsubscribeToken: string }) => {
        const id = this.rows.length + 1;
        this.rows.push({ id, ...s, confirmHash: s.confirmTokenHash });
        return id;
      },
      renewConfirmation: async (id: number, language: Row['language'], hash: string, expiresAt: number) =>
        void Object.assign(this.row(id), { state: 'pending', language, confirmHash: hash, confirmExpiresAt: expiresAt }),
      scopeLabel: async (scope: SubscriptionScope) => (scope.kind === 'all' ? scope : { kind: scope.kind, name: { kk: 'k', ru: 'r', en: 'e' } }),
      byConfirmHash: async (hash: string) => this.rows.find((r) => r.confirmHash === hash),
      confirm: async (id: number) => void Object.assign(this.row(id), { state: 'active' }),
      byUnsubscribeToken: async (token: string) => this.rows.find((r) => r.unsubscribeToken === token),
      unsubscribe: async (id: number) => void Object.assign(this.row(id), { state: 'unsubscribed', confirmHash: null }),
    },
    outbox: { insertOutbox: async (rows: readonly NewOutboxRow[]) => void this.outbox.push(...rows) },
  } as unknown as SubscriptionsTx;

  row(id: number): Row {
    return this.rows.find((r) => r.id === id)!;
  }
}

class CountingTokens extends SubscriptionTokens {
  n = 0;
  override next(): string {
    return `token-${++this.n}-xxxxxxxxxxxx`;
  }
}

describe('SubscriptionsService', () => {
  beforeAll(() => Logger.overrideLogger(false));
  let store: FakeStore;
  let clock: FakeClock;
  let tokens: CountingTokens;
  let service: SubscriptionsService;

  beforeEach(() => {
    store = new FakeStore();
    clock = new FakeClock(Date.UTC(2026, 0, 1));
    tokens = new CountingTokens();
    const config = { subscriptions: { windowS: 3600, addressLimit: 4, emailLimit: 2 } } as AppConfig;
    const uow = { run: (work: (tx: SubscriptionsTx) => Promise<unknown>) => work(store.tx) } as unknown as SubscriptionsUnitOfWork;
    service = new SubscriptionsService(
      uow,
      new SubscriptionRateLimiter(config, new MemoryRateLimitStore()),
      tokens,
      clock,
      { ...DEFAULT_NOTIFICATIONS_OPTIONS, publicUrl: 'https://s.test' },
    );
  });

  const email = (over: Partial<SignUp> = {}): SignUp => ({ channel: 'email', address: ' Me@Mail.KZ ', scope: { system: 'egov-portal' }, language: 'kk', ...over });
  const confirmToken = (row: NewOutboxRow) => /token=([^\s]+)/.exec('notice' in row.payload ? row.payload.notice.text : '')![1];

  it('stores an e-mail sign-up as pending (hash only) and queues the confirmation, in the chosen language', async () => {
    expect(await service.subscribe(email(), '10.0.0.1')).toEqual({ status: 'accepted', confirmation: 'email' });
    const [row] = store.rows;
    expect(row).toMatchObject({ address: 'me@mail.kz', state: 'pending', language: 'kk', confirmExpiresAt: clock.t + CONFIRM_TTL_MS });
    expect(store.outbox).toHaveLength(1);
    const token = confirmToken(store.outbox[0]);
    expect(row.confirmHash).toBe(tokenHash(token));
    expect(row.confirmHash).not.toContain(token);
    expect(store.outbox[0]).toMatchObject({ kind: 'subscription_confirm', recipient: 'me@mail.kz', language: 'kk', agencyId: null });
  });

  it('answers the same for an address already following, without sending anything', async () => {
    const first = await service.subscribe(email(), '10.0.0.1');
    await service.confirm(confirmToken(store.outbox[0]));
    const again = await service.subscribe(email(), '10.0.0.2');
    expect(again).toEqual(first);
    expect(store.outbox).toHaveLength(1);
  });

  it('confirms once, says the same on a second visit, refuses an expired, unknown or cancelled link', async () => {
    await service.subscribe(email(), null);
    const token = confirmToken(store.outbox[0]);
    expect(await service.confirm('nope-nope-nope-nope')).toEqual({ outcome: 'unknown', language: null });
    expect(await service.confirm(token)).toEqual({ outcome: 'confirmed', language: 'kk' });
    expect(await service.confirm(token)).toEqual({ outcome: 'confirmed', language: 'kk' });
    expect(store.rows[0].state).toBe('active');

    await service.subscribe(email({ address: 'late@mail.kz' }), null);
    clock.t += CONFIRM_TTL_MS + 1;
    expect(await service.confirm(confirmToken(store.outbox[1]))).toEqual({ outcome: 'expired', language: 'kk' });
    expect(store.rows[1].state).toBe('pending');

    expect(await service.unsubscribe(store.rows[0].unsubscribeToken)).toEqual({ outcome: 'unsubscribed', language: 'kk' });
    expect(await service.confirm(token)).toEqual({ outcome: 'unknown', language: null });
  });

  it('keeps a webhook pending and POSTs it a verification event whose link turns it on', async () => {
    const hook = { channel: 'webhook' as const, address: 'https://hooks.example.org/k', scope: 'all' as const, language: 'en' as const };
    expect(await service.subscribe(hook, null)).toEqual({ status: 'accepted', confirmation: 'webhook' });
    expect(store.rows[0]).toMatchObject({ state: 'pending', scope: { kind: 'all' } });
    expect(store.outbox).toHaveLength(1);
    const row = store.outbox[0];
    expect(row).toMatchObject({ kind: 'subscription_confirm', channel: 'webhook', recipient: 'https://hooks.example.org/k', language: 'en' });
    const event = 'notice' in row.payload ? row.payload.notice.webhook : undefined;
    expect(event?.type).toBe('subscription.verify');
    expect(event?.data.expires_at).toBe(new Date(clock.t + CONFIRM_TTL_MS).toISOString());
    const token = new URL(String(event?.data.confirm_url)).searchParams.get('token') ?? '';
    expect(await service.confirm(token)).toEqual({ outcome: 'confirmed', language: 'en' });
    expect(store.rows[0].state).toBe('active');
    // Signing up again once active sends nothing more.
    await service.subscribe(hook, null);
    expect(store.outbox).toHaveLength(1);
  });

  it('limits verification events per webhook URL as per e-mail', async () => {
    const hook = { channel: 'webhook' as const, address: 'https://hooks.example.org/flood', scope: 'all' as const, language: 'en' as const };
    await service.subscribe(hook, 'a1');
    await service.subscribe(hook, 'a2');
    await expect(service.subscribe(hook, 'a3')).rejects.toBeInstanceOf(SubscriptionRateLimitedError);
    await expect(service.subscribe({ ...hook, address: 'https://hooks.example.org/other' }, 'a3')).resolves.toMatchObject({ status: 'accepted' });
  });

  it('refuses a scope that is not public', async () => {
    await expect(service.subscribe(email({ scope: { system: 'internal-gw' } }), null)).rejects.toBeInstanceOf(SubscriptionScopeNotFoundError);
    await expect(service.subscribe(email({ scope: { agency: 'hidden' } }), null)).rejects.toBeInstanceOf(SubscriptionScopeNotFoundError);
    expect(store.rows).toEqual([]);
  });

  it('limits sign-ups per e-mail and per client address, saying how long to wait', async () => {
    await service.subscribe(email(), 'a1');
    await service.subscribe(email(), 'a2');
    const perEmail = await service.subscribe(email(), 'a3').catch((e: unknown) => e);
    expect(perEmail).toBeInstanceOf(SubscriptionRateLimitedError);
    expect((perEmail as SubscriptionRateLimitedError).retryAfterS).toBeGreaterThan(3500);
    for (let i = 0; i < 4; i++) await service.subscribe(email({ address: `x${i}@mail.kz` }), 'b');
    await expect(service.subscribe(email({ address: 'y@mail.kz' }), 'b')).rejects.toBeInstanceOf(SubscriptionRateLimitedError);
    await expect(service.subscribe(email({ address: 'y@mail.kz' }), 'c')).resolves.toMatchObject({ status: 'accepted' });
  });
});
