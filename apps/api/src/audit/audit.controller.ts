import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AuthValidationPipe } from '../auth/auth-validation.pipe';
import type { AuditRecord } from './audit-entry';
import { AuditPageDto, AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
@UsePipes(AuthValidationPipe)
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Audit log, newest first; filters actor (e-mail), action (or its prefix), from, to; paged by cursor' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiBadRequestResponse()
  async list(@Query() query: AuditQueryDto): Promise<{ items: AuditRecord[]; next_cursor: number | null }> {
    const items = await this.audit.list({
      actor: query.actor,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.cursor,
      limit: query.limit + 1,
    });
    const more = items.length > query.limit;
    const page = items.slice(0, query.limit);
    return { items: page, next_cursor: more ? page[page.length - 1].id : null };
  }
}
