import { Body, Param, Query } from '@nestjs/common';
import type { SessionUser, SystemDetail, SystemView } from '@kuzet/contracts';
import { CatalogRepository } from '../catalog.repository';
import { CatalogWriteService } from '../catalog-write.service';
import {
  CatalogController,
  CatalogCreateRoute,
  CatalogDisableRoute,
  CatalogGetRoute,
  CatalogListRoute,
  CatalogPatchRoute,
} from './catalog-route.decorators';
import {
  SystemCreateDto,
  SystemDetailDto,
  SystemPatchDto,
  SystemsQueryDto,
  SystemViewDto,
} from './system.dto';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser } from '../../auth/auth.decorators';

@CatalogController('catalog/systems')
export class CatalogSystemsController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly writes: CatalogWriteService,
    private readonly scope: AgencyScope,
  ) {}

  @CatalogListRoute({
    summary: 'Systems, with agency code and dependencies; filters agency, tier, public, enabled',
    type: SystemViewDto,
    validatesQuery: true,
  })
  list(@Query() query: SystemsQueryDto, @CurrentUser() user: SessionUser): Promise<SystemView[]> {
    return this.repo.listSystems({ ...query, agency: this.scope.agencyFilter(user, query.agency) });
  }

  @CatalogGetRoute({ summary: 'One system with its checks and dependents', type: SystemDetailDto })
  async get(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<SystemDetail> {
    await this.scope.assertSystem(user, code);
    return this.scope.redactSystemDetail(user, await this.writes.systemDetail(code));
  }

  @CatalogCreateRoute('system', {
    summary: 'Add a system, optionally with checks (source "api")',
    type: SystemDetailDto,
  })
  create(@Body() body: SystemCreateDto): Promise<SystemDetail> {
    return this.writes.createSystem(body);
  }

  @CatalogPatchRoute('system', {
    summary: 'Change a system (not its checks); null clears category or slo_target',
    type: SystemDetailDto,
  })
  patch(@Param('code') code: string, @Body() body: SystemPatchDto): Promise<SystemDetail> {
    return this.writes.patchSystem(code, body);
  }

  @CatalogDisableRoute('system', {
    summary: 'Disable a system (rows are never deleted)',
    type: SystemDetailDto,
  })
  disable(@Param('code') code: string): Promise<SystemDetail> {
    return this.writes.disableSystem(code);
  }
}
