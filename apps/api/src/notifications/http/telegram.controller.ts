import { Body, Controller, HttpCode, Post, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { SessionUser } from '@kuzet/contracts';
import { Audited } from '../../audit/audited.decorator';
import { CurrentUser, Public, Roles } from '../../auth/auth.decorators';
import { IncidentsExceptionFilter } from '../../incidents/http/incidents-exception.filter';
import { IncidentsValidationPipe } from '../../incidents/http/incidents-validation.pipe';
import { TelegramLinkService } from '../telegram/telegram-link.service';
import { TelegramLinkCode, TelegramLinkCodeDto, TelegramUpdateDto } from '../telegram/telegram-update.dto';
import { TelegramUpdatesService } from '../telegram/telegram-updates.service';
import { TELEGRAM_SECRET_HEADER, TelegramSecretGuard } from '../telegram/telegram-secret.guard';

@ApiTags('notifications')
@Controller('notifications/telegram')
@UsePipes(IncidentsValidationPipe)
@UseFilters(IncidentsExceptionFilter)
export class TelegramController {
  constructor(
    private readonly links: TelegramLinkService,
    private readonly updates: TelegramUpdatesService,
  ) {}

  @Post('link-code')
  @Roles('admin', 'duty_officer', 'agency_operator')
  @Audited('telegram.link_code')
  @HttpCode(201)
  @ApiOperation({ summary: 'A one-time code (10 minutes) that links your Telegram account: send /start <code> to the bot' })
  @ApiCreatedResponse({ type: TelegramLinkCodeDto })
  linkCode(@CurrentUser() user: SessionUser): Promise<TelegramLinkCode> {
    return this.links.createCode(user.id);
  }

  @Post('updates')
  @Public()
  @UseGuards(TelegramSecretGuard)
  @HttpCode(200)
  @ApiOperation({ summary: "Telegram's webhook: /start <code> and the alerts' acknowledge buttons" })
  @ApiHeader({ name: TELEGRAM_SECRET_HEADER, description: 'KUZET_TELEGRAM_WEBHOOK_SECRET', required: true })
  @ApiOkResponse()
  @ApiUnauthorizedResponse()
  async update(@Body() update: TelegramUpdateDto): Promise<{ ok: true }> {
    await this.updates.handle(update);
    return { ok: true };
  }
}
