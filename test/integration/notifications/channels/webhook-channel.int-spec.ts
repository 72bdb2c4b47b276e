import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { ChannelTarget } from '../../../../apps/api/src/notifications/channels/notification-channel';
import {
  alertContent,
  alertIncident,
} from '../../../../apps/api/src/notifications/templates/testing/alert-content.fixture';
import { outgoing, startChannels, type ChannelsHarness } from '../../../support/alerting/channels-harness';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/alerting/webhook-receiver';

const secret = () => `whsec_${randomBytes(24).toString('base64')}`;

describe('WebhookChannel against a receiver that verifies with standardwebhooks', () => {
  const oldSecret = secret();
  const newSecret = secret();
  let receiver: WebhookReceiver;
  let app: ChannelsHarness;
  let target: ChannelTarget;

  beforeAll(async () => {
    receiver = await startWebhookReceiver([oldSecret]);
    app = await startChannels({ KUZET_CHANNEL_TIMEOUT_MS: '1000' });
    target = { kind: 'webhook', address: receiver.url, secrets: [oldSecret] };
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });
  beforeEach(async () => {
    receiver.received.splice(0);
    receiver.setMode({ kind: 'accept' });
    receiver.setSecrets([oldSecret]);
  });

  const send = (key: string, t: ChannelTarget = target) =>
    app
      .channel('webhook')
      .send(t, outgoing(alertContent({ incidents: [alertIncident(5)] }), 'webhook', 'ru', key));

  it('posts a signed, versioned {type, timestamp, data} payload whose webhook-id is the idempotency key', async () => {
    expect(await send('inc-5:firing:webhook:ep1')).toEqual({ ok: true, detail: 'HTTP 204' });
    const [hit] = await receiver.waitForDeliveries(1);
    expect(hit.verified).toBe(true);
    expect(hit.id).toBe('inc-5:firing:webhook:ep1');
    // The receiver's own check, as documented for agencies.
    const data = new Webhook(oldSecret).verify(hit.body, {
      'webhook-id': hit.id,
      'webhook-timestamp': hit.timestamp,
      'webhook-signature': hit.signature,
    }) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(data.type).toBe('incident.firing');
    expect(new Date(data.timestamp).getTime()).toBe(Number(hit.timestamp) * 1000);
    expect(data.data).toMatchObject({
      version: 1,
      idempotencyKey: 'inc-5:firing:webhook:ep1',
      language: 'ru',
      kind: 'firing',
      agencyCode: 'mcriap',
      subject: '[SEV2] Сбой: Система 5',
    });
    expect((data.data.incidents as { systemCode: string }[])[0].systemCode).toBe('sys-5');
  });

  it("refuses an anonymous subscriber's webhook on a non-public address (literal or by name), without retrying, and never connects", async () => {
    const port = new URL(receiver.url).port;
    for (const address of [receiver.url, `http://localhost:${port}/hook`]) {
      const outcome = await send(`sub-1:${address}`, { ...target, address, publicOnly: true });
      expect(outcome).toEqual({ ok: false, retryable: false, error: 'webhook host resolves to a non-public address' });
    }
    expect(receiver.received).toHaveLength(0);
    // the same receiver as an agency's own contact (internal networks allowed) is reached
    expect(await send('agency-1', { ...target, publicOnly: false })).toMatchObject({ ok: true });
  });

  it('fails verification when the receiver holds another secret (the check can fail)', async () => {
    receiver.setSecrets([secret()]);
    expect(await send('k-wrong')).toEqual({ ok: false, retryable: false, error: 'HTTP 401' });
    expect(receiver.received[0].verified).toBe(false);
  });

  it('during a rotation signs with both secrets, so a receiver knowing only one of them verifies', async () => {
    const rotating: ChannelTarget = { ...target, secrets: [newSecret, oldSecret] };
    receiver.setSecrets([newSecret]);
    expect(await send('k-rot-new', rotating)).toMatchObject({ ok: true });
    receiver.setSecrets([oldSecret]);
    expect(await send('k-rot-old', rotating)).toMatchObject({ ok: true });
    const hits = await receiver.waitForDeliveries(2);
    expect(hits.map((h) => h.verified)).toEqual([true, true]);
    expect(hits[0].signature.split(' ')).toHaveLength(2);
    expect(hits[0].signature.split(' ').every((s) => s.startsWith('v1,'))).toBe(true);
  });

  it('maps 410 to gone, 429 and 503 to their Retry-After, 500 to retryable and 400 to final', async () => {
    receiver.setMode({ kind: 'status', status: 410 });
    expect(await send('k')).toEqual({ ok: false, retryable: false, gone: true, error: 'HTTP 410' });
    receiver.setMode({ kind: 'status', status: 429, retryAfter: '7' });
    expect(await send('k')).toEqual({ ok: false, retryable: true, retryAfterMs: 7000, error: 'HTTP 429' });
    const at = new Date(Date.now() + 120_000).toUTCString();
    receiver.setMode({ kind: 'status', status: 503, retryAfter: at });
    const outcome = await send('k');
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: 'HTTP 503' });
    const wait = outcome.ok ? 0 : (outcome.retryAfterMs ?? 0);
    expect(wait).toBeGreaterThan(100_000);
    expect(wait).toBeLessThanOrEqual(120_000);
    receiver.setMode({ kind: 'status', status: 500 });
    expect(await send('k')).toEqual({ ok: false, retryable: true, error: 'HTTP 500' });
    receiver.setMode({ kind: 'status', status: 400 });
    expect(await send('k')).toEqual({ ok: false, retryable: false, error: 'HTTP 400' });
  });

  it('reports refused connections and timeouts as retryable without the URL, then delivers once back up', async () => {
    await receiver.down();
    // A kept-alive connection the receiver just closed may still be tried once: reset, then refused.
    const first = await send('k-down');
    expect(first).toMatchObject({ ok: false, retryable: true });
    expect(['connection refused', 'connection reset']).toContain(first.ok ? '' : first.error);
    const refused = await send('k-down');
    expect(refused).toEqual({ ok: false, retryable: true, error: 'connection refused' });
    expect(JSON.stringify(refused)).not.toContain('127.0.0.1');
    await receiver.up();
    receiver.setMode({ kind: 'hang' });
    expect(await send('k-hang')).toEqual({ ok: false, retryable: true, error: 'timeout after 1 s' });
    receiver.setMode({ kind: 'accept' });
    expect(await send('k-down')).toMatchObject({ ok: true });
    expect(receiver.received.filter((h) => h.verified).map((h) => h.id)).toEqual(['k-down']);
  });

  it('refuses without sending: no secret, a bad secret, a URL that is not http(s)', async () => {
    expect(await send('k', { ...target, secrets: [] })).toEqual({
      ok: false,
      retryable: false,
      error: 'webhook has no signing secret',
    });
    expect(await send('k', { ...target, secrets: ['whsec_***'] })).toEqual({
      ok: false,
      retryable: false,
      error: 'invalid webhook signing secret',
    });
    expect(await send('k', { ...target, address: 'ftp://user:pw@host/x' })).toEqual({
      ok: false,
      retryable: false,
      error: 'invalid webhook URL',
    });
    expect(receiver.received).toHaveLength(0);
  });
});
