import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

// The parts of a Telegram Bot API Update (https://core.telegram.org/bots/api#update) Kuzet reads;
// every other field is let through and ignored, and so is any other kind of update.

const telegramUser = z.object({
  id: z.number().int().positive(),
  language_code: z.string().max(35).optional(),
});

export const telegramUpdateSchema = z.object({
  update_id: z.number().int(),
  message: z
    .object({
      chat: z.object({ id: z.number().int() }),
      from: telegramUser.optional(),
      text: z.string().max(4096).optional(),
    })
    .optional(),
  callback_query: z
    .object({
      id: z.string().min(1).max(200),
      from: telegramUser,
      data: z.string().max(64).optional(),
    })
    .optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

export const telegramLinkCodeSchema = z.object({
  code: z.string().describe('one-time code; send it to the bot as /start <code>'),
  command: z.string().describe('the message to send to the bot'),
  expires_at: z.string().describe('ISO 8601 instant (UTC)'),
});
export type TelegramLinkCode = z.infer<typeof telegramLinkCodeSchema>;

export class TelegramUpdateDto extends createZodDto(telegramUpdateSchema) {}
export class TelegramLinkCodeDto extends createZodDto(telegramLinkCodeSchema) {}
