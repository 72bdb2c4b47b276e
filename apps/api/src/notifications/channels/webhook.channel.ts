import { Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { fetch as guardedFetch, type Agent } from 'undici';
import { AppConfig } from '../../config/app-config';
import { ChannelClock } from './channel-clock';
import { httpOutcome } from './http-outcome';
import { networkErrorOutcome } from './network-error';
import type {
  ChannelTarget,
  DeliveryOutcome,
  NotificationChannel,
  OutgoingNotification,
} from './notification-channel';
import { publicOnlyAgent } from './public-address-agent';
import { parseRetryAfter } from './retry-after';
import { alertWebhookPayload } from './webhook-payload';

const fail = (error: string): DeliveryOutcome => ({ ok: false, retryable: false, error });

/** Standard Webhooks signature header: one "v1,<base64>" per secret, space-separated (rotation). */
export function signWebhook(secrets: string[], id: string, at: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' ');
}

/**
 * Alerts as signed webhooks (Standard Webhooks): a JSON POST with `webhook-id` (the idempotency
 * key), `webhook-timestamp` and `webhook-signature`, signed with every secret of the target while
 * a rotation runs. Redirects are not followed; errors never name the target URL.
 */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly kind = 'webhook' as const;
  private publicOnly: Agent | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: ChannelClock,
  ) {}

  async send(target: ChannelTarget, notification: OutgoingNotification): Promise<DeliveryOutcome> {
    let url: URL;
    try {
      url = new URL(target.address);
    } catch {
      return fail('invalid webhook URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('invalid webhook URL');
    const secrets = target.secrets ?? [];
    if (secrets.length === 0) return fail('webhook has no signing secret');

    // Whole seconds: webhook-timestamp has no more, and the payload's timestamp says the same.
    const now = Math.floor(this.clock.now() / 1000) * 1000;
    const at = new Date(now);
    const body = JSON.stringify(alertWebhookPayload(notification, now));
    let signature: string;
    try {
      signature = signWebhook(secrets, notification.idempotencyKey, at, body);
    } catch {
      return fail('invalid webhook signing secret');
    }

    const timeoutMs = this.config.alertChannels.sendTimeoutMs;
    const request = {
      method: 'POST',
      redirect: 'manual' as const,
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kuzet-Alerts/1',
        'webhook-id': notification.idempotencyKey,
        'webhook-timestamp': String(now / 1000),
        'webhook-signature': signature,
      },
      body,
    };
    let response: { status: number; headers: Headers; body: ReadableStream | null };
    try {
      response = target.publicOnly
        ? await guardedFetch(url, { ...request, dispatcher: (this.publicOnly ??= publicOnlyAgent(this.config.alertChannels.subscriberWebhookAllow)) })
        : await fetch(url, request);
    } catch (err) {
      return networkErrorOutcome(err, timeoutMs);
    }
    // The body is not read: only the status matters, and a receiver could send anything.
    await response.body?.cancel().catch(() => undefined);
    return httpOutcome(
      response.status,
      parseRetryAfter(response.headers.get('retry-after'), this.clock.now()),
    );
  }
}
