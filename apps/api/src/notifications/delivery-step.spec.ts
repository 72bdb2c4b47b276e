import type {
  ChannelTarget,
  DeliveryOutcome,
  NotificationChannel,
  OutgoingNotification,
} from './channels/notification-channel';
import { deliveryStep } from './delivery-step';

const NOW = Date.UTC(2026, 0, 5, 7, 0, 0);
const backoff = { baseMs: 1000, maxMs: 60_000 };
const row = (attempts: number, giveUpAt = NOW + 3_600_000) => ({ attempts, giveUpAt });

/** A channel that answers from a script, recording what it was asked to send. */
class ScriptedChannel implements NotificationChannel {
  readonly kind = 'webhook' as const;
  readonly sent: string[] = [];
  constructor(private readonly answers: DeliveryOutcome[]) {}
  async send(_target: ChannelTarget, n: OutgoingNotification): Promise<DeliveryOutcome> {
    this.sent.push(n.idempotencyKey);
    return this.answers.shift() ?? { ok: true };
  }
}

const notification: OutgoingNotification = {
  idempotencyKey: 'ntf_1',
  language: 'en',
  content: { kind: 'firing', agencyCode: 'nit', agencyName: { kk: 'a', ru: 'b', en: 'c' }, incidents: [], level: 0 },
  rendered: { subject: 's', text: 't' },
};

describe('deliveryStep', () => {
  it('walks a receiver outage: refused, 503 with Retry-After, then delivered, every attempt with the same key', async () => {
    const channel = new ScriptedChannel([
      { ok: false, retryable: true, error: 'connection refused' },
      { ok: false, retryable: true, retryAfterMs: 120_000, error: 'HTTP 503' },
      { ok: true },
    ]);
    const target = { kind: 'webhook' as const, address: 'http://127.0.0.1:1/x' };
    const steps = [];
    let now = NOW;
    for (let attempts = 1; attempts <= 3; attempts++) {
      const step = deliveryStep(await channel.send(target, notification), row(attempts), now, backoff, () => 1);
      steps.push(step);
      if (step.action === 'retry') now = step.at;
    }
    expect(steps).toEqual([
      { action: 'retry', at: NOW + 1000, error: 'connection refused' },
      { action: 'retry', at: NOW + 1000 + 120_000, error: 'HTTP 503' },
      { action: 'sent' },
    ]);
    expect(channel.sent).toEqual(['ntf_1', 'ntf_1', 'ntf_1']);
  });

  it('gives up when refused for good or when the next attempt would be past the give-up time', () => {
    expect(deliveryStep({ ok: false, retryable: false, error: 'HTTP 400' }, row(1), NOW, backoff)).toEqual({
      action: 'dead',
      error: 'HTTP 400',
    });
    const late = deliveryStep({ ok: false, retryable: true, error: 'HTTP 500' }, row(5, NOW + 5000), NOW, backoff, () => 1);
    expect(late).toEqual({ action: 'dead', error: 'HTTP 500' });
  });

  it('a 410 asks for the endpoint to be disabled', () => {
    expect(deliveryStep({ ok: false, retryable: false, gone: true, error: 'HTTP 410' }, row(1), NOW, backoff)).toEqual({
      action: 'gone',
      error: 'HTTP 410',
    });
  });
});
