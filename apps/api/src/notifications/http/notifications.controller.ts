import { Controller, Get, HttpCode, Param, Post, Query, UseFilters, UsePipes } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { SessionUser } from '@kuzet/contracts';
import { Audited } from '../../audit/audited.decorator';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import { IncidentsExceptionFilter } from '../../incidents/http/incidents-exception.filter';
import { IncidentIdDto } from '../../incidents/http/incidents.dto';
import { IncidentsValidationPipe } from '../../incidents/http/incidents-validation.pipe';
import { DeliveryLogService } from '../delivery-log.service';
import { DeadLettersQueryDto, DeliveryLogDto, DeliveryLogEntry, NotificationIdDto } from './notifications.dto';

@ApiTags('notifications')
@Controller()
@UsePipes(IncidentsValidationPipe)
@UseFilters(IncidentsExceptionFilter)
export class NotificationsController {
  constructor(
    private readonly log: DeliveryLogService,
    private readonly scope: AgencyScope,
  ) {}

  @Get('incidents/:id/notifications')
  @ApiOperation({ summary: "An incident's delivery log: who was told what, when, over which channel, and the outcome" })
  @ApiOkResponse({ type: DeliveryLogDto })
  async forIncident(@Param() params: IncidentIdDto, @CurrentUser() user: SessionUser): Promise<DeliveryLogEntry[]> {
    await this.scope.assertIncident(user, Number(params.id));
    return this.log.forIncident(Number(params.id));
  }

  @Get('notifications/dead-letters')
  @Roles('admin', 'duty_officer')
  @ApiOperation({ summary: 'Notifications given up on (newest first), with their last error' })
  @ApiOkResponse({ type: DeliveryLogDto })
  async deadLetters(@Query() query: DeadLettersQueryDto): Promise<DeliveryLogEntry[]> {
    return this.log.deadLetters(query.limit);
  }

  @Post('notifications/:id/retry')
  @Roles('admin', 'duty_officer')
  @Audited('notification.retry', { target: 'notification' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Queue a dead letter again' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'the notification is not a dead letter' })
  async retry(@Param() params: NotificationIdDto): Promise<void> {
    await this.log.retry(Number(params.id));
  }
}
