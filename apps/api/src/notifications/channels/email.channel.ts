import { createHash } from 'node:crypto';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '../../config/app-config';
import type {
  ChannelTarget,
  DeliveryOutcome,
  NotificationChannel,
  OutgoingNotification,
} from './notification-channel';
import { smtpErrorOutcome } from './smtp-outcome';

/** Header carrying the notification's idempotency key, for receivers and mail filters. */
export const IDEMPOTENCY_HEADER = 'X-Kuzet-Idempotency-Key';

/** A Message-ID derived from the idempotency key: a resent alert has the same one, so it dedupes. */
export function alertMessageId(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'kuzet.invalid';
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<alert.${hash}@${domain}>`;
}

/** Alerts by e-mail through one pooled SMTP transport (nodemailer); KUZET_SMTP_URL picks the server. */
@Injectable()
export class EmailChannel implements NotificationChannel, OnModuleDestroy {
  readonly kind = 'email' as const;
  private transport: Transporter<SMTPPool.SentMessageInfo> | undefined;

  constructor(private readonly config: AppConfig) {}

  private transporter(url: string): Transporter<SMTPPool.SentMessageInfo> {
    const timeout = this.config.alertChannels.sendTimeoutMs;
    this.transport ??= createTransport({
      url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return this.transport;
  }

  async send(target: ChannelTarget, notification: OutgoingNotification): Promise<DeliveryOutcome> {
    const { smtpUrl, smtpFrom, sendTimeoutMs } = this.config.alertChannels;
    if (!smtpUrl) return { ok: false, retryable: false, error: 'e-mail is not configured (KUZET_SMTP_URL)' };
    const { rendered, idempotencyKey, language } = notification;
    try {
      const info = await this.transporter(smtpUrl).sendMail({
        from: smtpFrom,
        to: target.address,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: alertMessageId(idempotencyKey, smtpFrom),
        headers: {
          ...notification.headers,
          [IDEMPOTENCY_HEADER]: idempotencyKey,
          'Content-Language': language,
          'Auto-Submitted': 'auto-generated',
        },
      });
      if (info.accepted.length === 0)
        return { ok: false, retryable: false, error: 'SMTP refused the recipient' };
      return { ok: true, detail: 'SMTP accepted' };
    } catch (err) {
      return smtpErrorOutcome(err, sendTimeoutMs);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
