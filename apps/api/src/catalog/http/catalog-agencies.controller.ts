import { Body, Param } from '@nestjs/common';
import type { AgencyDetail, AgencyView, SessionUser } from '@kuzet/contracts';
import { CatalogRepository } from '../catalog.repository';
import { CatalogWriteService } from '../catalog-write.service';
import { CatalogItemNotFoundError } from '../catalog.errors';
import { AgencyCreateDto, AgencyDetailDto, AgencyPatchDto, AgencyViewDto } from './agency.dto';
import {
  CatalogController,
  CatalogCreateRoute,
  CatalogDisableRoute,
  CatalogGetRoute,
  CatalogListRoute,
  CatalogPatchRoute,
} from './catalog-route.decorators';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser } from '../../auth/auth.decorators';

@CatalogController('catalog/agencies')
export class CatalogAgenciesController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly writes: CatalogWriteService,
    private readonly scope: AgencyScope,
  ) {}

  @CatalogListRoute({ summary: 'All agencies, enabled or not', type: AgencyViewDto })
  async list(@CurrentUser() user: SessionUser): Promise<AgencyView[]> {
    return this.scope.filter(user, await this.repo.listAgencies(), (a) => a.code);
  }

  @CatalogGetRoute({ summary: 'One agency with its systems', type: AgencyDetailDto })
  async get(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<AgencyDetail> {
    this.scope.assertAgency(user, code);
    const agency = await this.repo.findAgency(code);
    if (!agency) throw new CatalogItemNotFoundError('agency', code);
    const systems = await this.repo.listSystems({ agency: code });
    return {
      ...agency,
      systems: systems.map((s) => ({
        code: s.code,
        name: s.name,
        short_name: s.short_name,
        tier: s.tier,
        public: s.public,
        enabled: s.enabled,
      })),
    };
  }

  @CatalogCreateRoute('agency', { summary: 'Add an agency (source "api")', type: AgencyViewDto })
  create(@Body() body: AgencyCreateDto): Promise<AgencyView> {
    return this.writes.createAgency(body);
  }

  @CatalogPatchRoute('agency', {
    summary: 'Change an agency; a folder-defined one is overwritten by the next reload',
    type: AgencyViewDto,
  })
  patch(@Param('code') code: string, @Body() body: AgencyPatchDto): Promise<AgencyView> {
    return this.writes.patchAgency(code, body);
  }

  @CatalogDisableRoute('agency', {
    summary: 'Disable an agency (rows are never deleted)',
    type: AgencyViewDto,
  })
  disable(@Param('code') code: string): Promise<AgencyView> {
    return this.writes.disableAgency(code);
  }
}
