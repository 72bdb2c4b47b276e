import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import { DetectionClock } from '../../detection/detection-clock';
import type { TelegramLinkCode } from './telegram-update.dto';
import { LinkedUser, TelegramLinksRepository } from './telegram-links.repository';

/** How long a link code works. */
export const LINK_CODE_TTL_MS = 10 * 60_000;

const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Links a Telegram user to a signed-in Kuzet user: the user asks for a one-time code on the board
 * and sends `/start <code>` to the bot, which proves that this Telegram user holds that session.
 */
@Injectable()
export class TelegramLinkService {
  private readonly logger = new Logger(TelegramLinkService.name);

  constructor(
    private readonly links: TelegramLinksRepository,
    private readonly clock: DetectionClock,
    private readonly audit: AuditService,
  ) {}

  /** A fresh code for the user (its older codes stop working). */
  async createCode(userId: number): Promise<TelegramLinkCode> {
    // 96 random bits in base64url: the characters Telegram allows in a /start parameter.
    const code = randomBytes(12).toString('base64url');
    const now = this.clock.now();
    const expiresAt = now + LINK_CODE_TTL_MS;
    await this.links.replaceCode(userId, codeHash(code), now, expiresAt);
    return { code, command: `/start ${code}`, expires_at: new Date(expiresAt).toISOString() };
  }

  /** Uses a code sent from Telegram; the linked user, or undefined for an unknown or expired code. */
  async linkWithCode(telegramUserId: number, code: string): Promise<LinkedUser | undefined> {
    const now = this.clock.now();
    const userId = await this.links.consumeCode(codeHash(code), now);
    const user = userId === undefined ? undefined : await this.links.user(userId);
    if (!user || user.disabled) {
      this.logger.warn({ event: 'telegram.link_refused', telegram_user: telegramUserId });
      return undefined;
    }
    await this.links.link(telegramUserId, user.id, now);
    await this.audit.record({
      actor: { id: user.id, email: user.email, address: null },
      action: 'telegram.link',
      target: `user:${user.id}`,
      changes: { telegram_user_id: telegramUserId },
    });
    this.logger.log({ event: 'telegram.linked', user: user.id, telegram_user: telegramUserId });
    return user;
  }
}
