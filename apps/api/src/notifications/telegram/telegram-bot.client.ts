import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

/**
 * The two Bot API calls the webhook answers with: answerCallbackQuery (the toast a button press
 * shows) and sendMessage (a reply to /start). Best effort: a failure is logged, never thrown, so
 * Telegram's update is still answered 200 (else it would be sent again). The token is only in
 * the request path and never logged.
 */
@Injectable()
export class TelegramBotClient {
  private readonly logger = new Logger(TelegramBotClient.name);

  constructor(private readonly config: AppConfig) {}

  answerCallbackQuery(callbackQueryId: string, text: string): Promise<boolean> {
    return this.call('answerCallbackQuery', { callback_query_id: callbackQueryId, text, show_alert: false });
  }

  sendMessage(chatId: number, text: string): Promise<boolean> {
    return this.call('sendMessage', { chat_id: chatId, text });
  }

  private async call(method: string, body: Record<string, unknown>): Promise<boolean> {
    const { telegramApiUrl, telegramBotToken: token, sendTimeoutMs } = this.config.alertChannels;
    if (!token) {
      this.logger.warn({ event: 'telegram.call_skipped', method, reason: 'KUZET_TELEGRAM_BOT_TOKEN is not set' });
      return false;
    }
    try {
      const response = await fetch(`${telegramApiUrl}/bot${token}/${method}`, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(sendTimeoutMs),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return true;
      this.logger.warn({ event: 'telegram.call_failed', method, status: response.status });
    } catch (err) {
      const code = (err as { cause?: { code?: string }; name?: string }).cause?.code ?? (err as Error).name;
      this.logger.warn({ event: 'telegram.call_failed', method, error: code });
    }
    return false;
  }
}
