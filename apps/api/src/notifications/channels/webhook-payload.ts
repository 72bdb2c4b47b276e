import type { OutgoingNotification } from './notification-channel';

/** Version of the `data` shape; bumped only with an incompatible change. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

/** The JSON body of an alert webhook: Standard Webhooks' `{type, timestamp, data}` envelope. */
export interface AlertWebhookPayload {
  /** "incident.firing", "incident.resolved", "incident.escalation", "incident.informational", "incident.repeat". */
  type: string;
  /** ISO 8601, when this attempt was signed. */
  timestamp: string;
  data: OutgoingNotification['content'] & {
    version: number;
    /** Same as the `webhook-id` header: a receiver deduplicates on it. */
    idempotencyKey: string;
    language: OutgoingNotification['language'];
    /** The rendered message, for receivers that forward it to people as is. */
    subject: string;
    text: string;
  };
}

export function alertWebhookPayload(notification: OutgoingNotification, now: number): AlertWebhookPayload {
  const { content, rendered, webhookEvent } = notification;
  if (webhookEvent)
    return {
      type: webhookEvent.type,
      timestamp: new Date(now).toISOString(),
      data: {
        version: WEBHOOK_PAYLOAD_VERSION,
        idempotencyKey: notification.idempotencyKey,
        language: notification.language,
        ...webhookEvent.data,
        subject: rendered.subject,
        text: rendered.text,
      } as AlertWebhookPayload['data'],
    };
  return {
    type: `incident.${content.kind}`,
    timestamp: new Date(now).toISOString(),
    data: {
      version: WEBHOOK_PAYLOAD_VERSION,
      idempotencyKey: notification.idempotencyKey,
      language: notification.language,
      ...content,
      subject: rendered.subject,
      text: rendered.text,
    },
  };
}
