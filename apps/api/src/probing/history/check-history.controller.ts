import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { parseOr400 } from '../http/zod-bad-request';
import { CheckHistoryService, MAX_RESULTS_PAGE } from './check-history.service';
import type { SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser } from '../../auth/auth.decorators';

const idSchema = z.coerce.number().int().positive();
const resultsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_RESULTS_PAGE).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
  before_region: z.string().max(64).optional(),
});
const latencyQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    region: z.string().min(1).max(64).optional(),
  })
  .transform((q) => {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 24 * 3600 * 1000);
    return { from, to, region: q.region };
  })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['from'] });

@ApiTags('results')
@Controller('checks')
export class CheckHistoryController {
  constructor(
    private readonly history: CheckHistoryService,
    private readonly scope: AgencyScope,
  ) {}

  @Get(':id/results')
  @ApiOperation({ summary: "A check's recent raw results, newest first (keyset paged)" })
  @ApiParam({ name: 'id', description: 'check id' })
  @ApiQuery({ name: 'limit', required: false, description: `1..${MAX_RESULTS_PAGE}, default 100` })
  @ApiQuery({ name: 'before', required: false, description: 'ISO time cursor (from the previous page)' })
  @ApiQuery({ name: 'before_region', required: false })
  @ApiOkResponse({ description: 'ResultsPage' })
  @ApiNotFoundResponse()
  @ApiBadRequestResponse()
  async results(@Param('id') id: string, @Query() query: unknown, @CurrentUser() user: SessionUser) {
    const checkId = parseOr400(idSchema, id);
    await this.scope.assertCheck(user, checkId);
    const q = parseOr400(resultsQuery, query);
    const before = q.before ? { time: new Date(q.before), region: q.before_region ?? '\u{10FFFF}' } : undefined;
    return this.history.recent(checkId, q.limit, before);
  }

  @Get(':id/latency')
  @ApiOperation({ summary: "A check's latency and outcome rollups; resolution chosen from the range" })
  @ApiParam({ name: 'id', description: 'check id' })
  @ApiQuery({ name: 'from', required: false, description: 'ISO time; default to - 24h' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO time; default now' })
  @ApiQuery({ name: 'region', required: false })
  @ApiOkResponse({ description: 'RollupSeries' })
  @ApiNotFoundResponse()
  @ApiBadRequestResponse()
  async latency(@Param('id') id: string, @Query() query: unknown, @CurrentUser() user: SessionUser) {
    const checkId = parseOr400(idSchema, id);
    await this.scope.assertCheck(user, checkId);
    const q = parseOr400(latencyQuery, query);
    return this.history.latency(checkId, q.from, q.to, q.region);
  }
}
