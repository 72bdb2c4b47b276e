import { Controller, Get, Query, UseFilters, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { IncidentsExceptionFilter } from '../../incidents/http/incidents-exception.filter';
import { IncidentsValidationPipe } from '../../incidents/http/incidents-validation.pipe';
import { AgencyStatusView, DetectionStatusService } from '../detection-status.service';
import type { SystemStatusRow } from '../detection.repository';
import type { SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser } from '../../auth/auth.decorators';

const systemsStatusQuerySchema = z.strictObject({
  agency: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a code (a-z, 0-9, -)')
    .optional(),
});
class SystemsStatusQueryDto extends createZodDto(systemsStatusQuerySchema) {}
class SystemStatusDto extends createZodDto(
  z.object({
    system: z.string(),
    agency: z.string(),
    tier: z.string(),
    status: z.string().nullable(),
    flapping: z.boolean(),
    updated_at: z.string().nullable(),
  }),
) {}
class AgencyStatusDto extends createZodDto(
  z.object({ agency: z.string(), status: z.string().nullable(), systems: z.number().int() }),
) {}

@ApiTags('status')
@Controller('status')
@UsePipes(IncidentsValidationPipe)
@UseFilters(IncidentsExceptionFilter)
export class DetectionStatusController {
  constructor(
    private readonly statuses: DetectionStatusService,
    private readonly scope: AgencyScope,
  ) {}

  @Get('systems')
  @ApiOperation({ summary: 'Current status of every enabled system (null: no data yet)' })
  @ApiOkResponse({ type: SystemStatusDto, isArray: true })
  @ApiBadRequestResponse()
  systems(@Query() query: SystemsStatusQueryDto, @CurrentUser() user: SessionUser): Promise<SystemStatusRow[]> {
    return this.statuses.systems(this.scope.agencyFilter(user, query.agency));
  }

  @Get('agencies')
  @ApiOperation({ summary: 'Current status of every agency, rolled up from its systems' })
  @ApiOkResponse({ type: AgencyStatusDto, isArray: true })
  async agencies(@CurrentUser() user: SessionUser): Promise<AgencyStatusView[]> {
    return this.scope.filter(user, await this.statuses.agencies(), (a) => a.agency);
  }
}
