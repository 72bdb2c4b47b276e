import type {
  ChannelTarget,
  DeliveryOutcome,
  NotificationChannel,
  OutgoingNotification,
} from '../../../apps/api/src/notifications/channels/notification-channel';

/**
 * A minimal webhook sender for the notifier's tests (the real, signed WebhookChannel lives in the
 * channels folder): POSTs the alert content as JSON with the idempotency key as webhook-id and maps
 * the answer to a DeliveryOutcome as a channel must (2xx ok, 410 gone, 429/503 with Retry-After,
 * 5xx and network errors retryable, other 4xx not).
 */
export class LoopbackWebhookChannel implements NotificationChannel {
  readonly kind = 'webhook' as const;

  async send(target: ChannelTarget, n: OutgoingNotification): Promise<DeliveryOutcome> {
    let res: Response;
    try {
      res = await fetch(target.address, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': n.idempotencyKey },
        body: JSON.stringify({ ...n.content, subject: n.rendered.subject }),
        signal: AbortSignal.timeout(5000),
      });
      await res.arrayBuffer();
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      return { ok: false, retryable: true, error: cause === 'ECONNREFUSED' ? 'connection refused' : 'network error' };
    }
    if (res.ok) return { ok: true };
    if (res.status === 410) return { ok: false, retryable: false, gone: true, error: 'HTTP 410' };
    const retryAfter = Number(res.headers.get('retry-after'));
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
    const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
    return { ok: false, retryable, retryAfterMs, error: `HTTP ${res.status}` };
  }
}
