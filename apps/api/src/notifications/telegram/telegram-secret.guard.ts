import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { telegramSecretMatches } from './telegram-webhook-secret';

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Lets through only Telegram's own webhook calls (the secret given to setWebhook); 401 otherwise, before the body is read. */
@Injectable()
export class TelegramSecretGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!telegramSecretMatches(request.headers[TELEGRAM_SECRET_HEADER], this.config.alertChannels.telegramWebhookSecret))
      throw new UnauthorizedException(`missing or wrong ${TELEGRAM_SECRET_HEADER} header (KUZET_TELEGRAM_WEBHOOK_SECRET)`);
    return true;
  }
}
