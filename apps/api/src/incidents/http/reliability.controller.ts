import { Controller, Get, Query, UseFilters, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IncidentsReadService } from '../incidents-read.service';
import { IncidentsExceptionFilter } from './incidents-exception.filter';
import { ReliabilityQueryDto, ReliabilityView, ReliabilityViewDto } from './incidents.dto';
import { IncidentsValidationPipe } from './incidents-validation.pipe';
import type { SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser } from '../../auth/auth.decorators';

@ApiTags('incidents')
@Controller('reliability')
@UsePipes(IncidentsValidationPipe)
@UseFilters(IncidentsExceptionFilter)
export class ReliabilityController {
  constructor(
    private readonly reads: IncidentsReadService,
    private readonly scope: AgencyScope,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'MTTA, MTTR, MTBF (ms) of an agency (its root incidents) or a system over [from, to) (default: the last 30 days)',
  })
  @ApiOkResponse({ type: ReliabilityViewDto })
  @ApiBadRequestResponse()
  async get(@Query() query: ReliabilityQueryDto, @CurrentUser() user: SessionUser): Promise<ReliabilityView> {
    if (query.agency) this.scope.assertAgency(user, query.agency);
    if (query.system) await this.scope.assertSystem(user, query.system);
    return this.reads.reliability(query);
  }
}
