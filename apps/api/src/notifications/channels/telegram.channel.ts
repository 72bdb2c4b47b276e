import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ALERT_PHRASES } from '../templates/alert-phrases';
import { networkErrorOutcome } from './network-error';
import type {
  ChannelTarget,
  DeliveryOutcome,
  NotificationChannel,
  OutgoingNotification,
} from './notification-channel';

/** The Bot API's answer (https://core.telegram.org/bots/api#making-requests). */
interface BotApiAnswer {
  ok?: boolean;
  error_code?: number;
  description?: string;
  result?: { message_id?: number };
  parameters?: { retry_after?: number };
}

/** Telegram refuses callback_data over 64 bytes. */
export const TELEGRAM_CALLBACK_DATA_MAX_BYTES = 64;

/**
 * Alerts in Telegram through the Bot API's sendMessage (HTML parse mode; the template escapes),
 * with an "acknowledge" inline button when the recipient may acknowledge. The bot token is in
 * the request path only: it never reaches an error, a log or the delivery log.
 */
@Injectable()
export class TelegramChannel implements NotificationChannel {
  readonly kind = 'telegram' as const;

  constructor(private readonly config: AppConfig) {}

  async send(target: ChannelTarget, notification: OutgoingNotification): Promise<DeliveryOutcome> {
    const { telegramApiUrl, telegramBotToken: token, sendTimeoutMs } = this.config.alertChannels;
    if (!token)
      return { ok: false, retryable: false, error: 'Telegram is not configured (KUZET_TELEGRAM_BOT_TOKEN)' };
    const { ackToken, language, rendered } = notification;
    if (ackToken !== undefined && Buffer.byteLength(ackToken) > TELEGRAM_CALLBACK_DATA_MAX_BYTES) {
      return { ok: false, retryable: false, error: 'acknowledgement token longer than 64 bytes' };
    }
    const body = {
      chat_id: target.address,
      text: rendered.text,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(ackToken !== undefined && {
        reply_markup: {
          inline_keyboard: [[{ text: ALERT_PHRASES[language].acknowledge, callback_data: ackToken }]],
        },
      }),
    };
    let response: Response;
    try {
      response = await fetch(`${telegramApiUrl}/bot${token}/sendMessage`, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(sendTimeoutMs),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (err) {
      return networkErrorOutcome(err, sendTimeoutMs);
    }
    const answer = (await response.json().catch(() => ({}))) as BotApiAnswer;
    return telegramOutcome(response.status, answer, token);
  }
}

/** The Bot API's answer as an outcome; 429 waits parameters.retry_after seconds. */
export function telegramOutcome(status: number, answer: BotApiAnswer, token: string): DeliveryOutcome {
  if (status >= 200 && status < 300 && answer.ok === true) {
    const id = answer.result?.message_id;
    return { ok: true, detail: id !== undefined ? `message_id ${id}` : undefined };
  }
  const code = answer.error_code ?? status;
  // The description is Telegram's own words ("Bad Request: chat not found"); cut, and the token
  // removed in case it were ever quoted.
  const description =
    typeof answer.description === 'string' ? answer.description.split(token).join('…').slice(0, 160) : '';
  const error = `Telegram ${code}${description ? `: ${description}` : ''}`;
  if (code === 429) {
    const s = answer.parameters?.retry_after;
    return typeof s === 'number' && s >= 0
      ? { ok: false, retryable: true, retryAfterMs: s * 1000, error }
      : { ok: false, retryable: true, error };
  }
  return { ok: false, retryable: code >= 500 || code === 408 || status >= 500, error };
}
