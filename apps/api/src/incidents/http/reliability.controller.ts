import { Controller, Get, Query, UseFilters, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IncidentsReadService } from '../incidents-read.service';
import { IncidentsExceptionFilter } from './incidents-exception.filter';
import { ReliabilityQueryDto, ReliabilityView, ReliabilityViewDto } from './incidents.dto';
import { IncidentsValidationPipe } from './incidents-validation.pipe';

@ApiTags('incidents')
@Controller('reliability')
@UsePipes(IncidentsValidationPipe)
@UseFilters(IncidentsExceptionFilter)
export class ReliabilityController {
  constructor(private readonly reads: IncidentsReadService) {}

  @Get()
  @ApiOperation({
    summary:
      'MTTA, MTTR, MTBF (ms) of an agency (its root incidents) or a system over [from, to) (default: the last 30 days)',
  })
  @ApiOkResponse({ type: ReliabilityViewDto })
  @ApiBadRequestResponse()
  get(@Query() query: ReliabilityQueryDto): Promise<ReliabilityView> {
    return this.reads.reliability(query);
  }
}
