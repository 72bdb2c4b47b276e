import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { SloService } from './slo.service';
import type { SystemSlo } from './slo.service';
import { UptimeService } from './uptime.service';
import type { UptimeQuery, UptimeReport } from './uptime.service';
import type { SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../auth/agency-scope.service';
import { CurrentUser } from '../auth/auth.decorators';

const RANGE_QUERIES = [
  ApiQuery({ name: 'from', required: false, description: 'ISO 8601 start (default: to − 30 days)' }),
  ApiQuery({ name: 'to', required: false, description: 'ISO 8601 end, exclusive (default: now)' }),
  ApiQuery({
    name: 'granularity',
    required: false,
    enum: ['day', 'range'],
    description: 'day: one entry per Asia/Almaty calendar day plus the total; range: the total only',
  }),
];

function applyAll(decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const d of decorators) d(target, key, descriptor);
  };
}

const UPTIME_DESCRIPTION =
  '{from, to, granularity, resolution: exact, days: [{date, uptime|null, minutes}], total: {uptime|null, minutes}}; ' +
  'minutes = {major, partial, degraded, operational, maintenance, no_data}. See docs/uptime.md.';

@ApiTags('uptime')
@Controller('uptime')
export class UptimeController {
  constructor(
    private readonly uptime: UptimeService,
    private readonly scope: AgencyScope,
  ) {}

  @Get('systems/:code')
  @ApiOperation({
    summary: "A system's uptime from its confirmed status, per day and over the range (docs/uptime.md)",
  })
  @ApiParam({ name: 'code', description: 'system code' })
  @applyAll(RANGE_QUERIES)
  @ApiOkResponse({ description: UPTIME_DESCRIPTION })
  @ApiBadRequestResponse({ description: 'invalid from, to or granularity (the message names the field)' })
  @ApiNotFoundResponse({ description: 'unknown system code' })
  async system(
    @Param('code') code: string,
    @Query() query: UptimeQuery,
    @CurrentUser() user: SessionUser,
  ): Promise<UptimeReport> {
    await this.scope.assertSystem(user, code);
    return this.uptime.system(code, query ?? {});
  }

  @Get('agencies/:code')
  @ApiOperation({
    summary: "An agency's uptime from its systems' confirmed statuses, rolled up (docs/uptime.md)",
  })
  @ApiParam({ name: 'code', description: 'agency code' })
  @applyAll(RANGE_QUERIES)
  @ApiOkResponse({ description: UPTIME_DESCRIPTION })
  @ApiBadRequestResponse({ description: 'invalid from, to or granularity (the message names the field)' })
  @ApiNotFoundResponse({ description: 'unknown agency code' })
  agency(
    @Param('code') code: string,
    @Query() query: UptimeQuery,
    @CurrentUser() user: SessionUser,
  ): Promise<UptimeReport> {
    this.scope.assertAgency(user, code);
    return this.uptime.agency(code, query ?? {});
  }
}

@ApiTags('slo')
@Controller('slo')
export class SloController {
  constructor(
    private readonly slo: SloService,
    private readonly scope: AgencyScope,
  ) {}

  @Get('systems')
  @ApiOperation({
    summary:
      'Every enabled system: SLO, burn rates (5m, 30m, 1h, 6h, 3d), firing multiwindow alerts; refreshes kuzet_slo_burn_rate',
  })
  @ApiOkResponse({ description: '[{code, slo, burn_rates, alerts, page, ticket}]' })
  async list(@CurrentUser() user: SessionUser): Promise<SystemSlo[]> {
    const visible = await this.scope.visibleSystems(user);
    const all = await this.slo.list();
    return visible ? all.filter((s) => visible.has(s.code)) : all;
  }

  @Get('systems/:code')
  @ApiOperation({ summary: "A system's SLO burn rates and firing alerts" })
  @ApiParam({ name: 'code', description: 'system code' })
  @ApiOkResponse({ description: '{code, slo, burn_rates, alerts, page, ticket}' })
  @ApiNotFoundResponse({ description: 'unknown system code' })
  async system(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<SystemSlo> {
    await this.scope.assertSystem(user, code);
    return this.slo.system(code);
  }
}
