import { Injectable } from '@nestjs/common';
import { TelegramAckService } from './telegram-ack.service';
import { TelegramBotClient } from './telegram-bot.client';
import { TelegramLinkService } from './telegram-link.service';
import { replyLanguage, TELEGRAM_REPLIES } from './telegram-replies';
import type { TelegramUpdate } from './telegram-update.dto';

/** `/start`, `/start <code>` and `/start@bot_name <code>` (the form used in groups). */
const START = /^\/start(?:@\w+)?(?:\s+([A-Za-z0-9_-]{1,64}))?\s*$/;

/**
 * Handles the Bot API updates Telegram posts to the webhook: `/start <code>` links the sender to
 * a Kuzet user; a button press (callback_query) acknowledges the alert's incidents. Everything
 * else is ignored.
 */
@Injectable()
export class TelegramUpdatesService {
  constructor(
    private readonly links: TelegramLinkService,
    private readonly acks: TelegramAckService,
    private readonly bot: TelegramBotClient,
  ) {}

  async handle(update: TelegramUpdate): Promise<void> {
    const press = update.callback_query;
    if (press) {
      const text = await this.pressReply(press.from.id, press.data, press.from.language_code);
      await this.bot.answerCallbackQuery(press.id, text);
      return;
    }
    const message = update.message;
    const start = message?.text !== undefined ? START.exec(message.text.trim()) : null;
    if (!message?.from || !start) return;
    const replies = TELEGRAM_REPLIES[replyLanguage(message.from.language_code)];
    if (start[1] === undefined) {
      await this.bot.sendMessage(message.chat.id, replies.startHelp);
      return;
    }
    const user = await this.links.linkWithCode(message.from.id, start[1]);
    await this.bot.sendMessage(message.chat.id, user ? replies.linked(user.email) : replies.badCode);
  }

  private async pressReply(telegramUserId: number, data: string | undefined, languageCode?: string): Promise<string> {
    const result = data ? await this.acks.press(telegramUserId, data) : ({ outcome: 'unknown_button' } as const);
    const replies = TELEGRAM_REPLIES[result.outcome === 'unknown_button' ? replyLanguage(languageCode) : result.language];
    switch (result.outcome) {
      case 'unknown_button':
        return replies.unknownButton;
      case 'not_linked':
        return replies.notLinked;
      case 'not_allowed':
        return replies.notAllowed;
      case 'acknowledged':
        return result.incidentIds.length > 0 ? replies.acknowledged(result.incidentIds.length) : replies.nothingToAcknowledge;
    }
  }
}
