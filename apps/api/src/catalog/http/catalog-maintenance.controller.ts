import { Body, Param } from '@nestjs/common';
import type { MaintenanceView, SessionUser } from '@kuzet/contracts';
import { CatalogRepository } from '../catalog.repository';
import { CatalogWriteService } from '../catalog-write.service';
import { CatalogItemNotFoundError } from '../catalog.errors';
import {
  CatalogController,
  CatalogCreateRoute,
  CatalogDisableRoute,
  CatalogGetRoute,
  CatalogListRoute,
  CatalogPatchRoute,
} from './catalog-route.decorators';
import { MaintenanceCreateDto, MaintenancePatchDto, MaintenanceViewDto } from './maintenance.dto';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser } from '../../auth/auth.decorators';
import { OtherAgencyError } from '../../auth/auth.errors';

@CatalogController('catalog/maintenance')
export class CatalogMaintenanceController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly writes: CatalogWriteService,
    private readonly scope: AgencyScope,
  ) {}

  @CatalogListRoute({
    summary: 'Maintenance windows (one-off times as UTC instants and as written locally)',
    type: MaintenanceViewDto,
  })
  async list(@CurrentUser() user: SessionUser): Promise<MaintenanceView[]> {
    const visible = await this.scope.visibleSystems(user);
    const windows = await this.repo.listMaintenance();
    return visible ? windows.filter((w) => w.systems.some((s) => visible.has(s))) : windows;
  }

  @CatalogGetRoute({ type: MaintenanceViewDto })
  async get(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<MaintenanceView> {
    const window = await this.repo.findMaintenance(code);
    if (!window) throw new CatalogItemNotFoundError('maintenance window', code);
    const visible = await this.scope.visibleSystems(user);
    if (visible && !window.systems.some((s) => visible.has(s)))
      throw new OtherAgencyError(`maintenance window ${code}`);
    return window;
  }

  @CatalogCreateRoute('maintenance', {
    summary: 'Add a maintenance window (source "api")',
    type: MaintenanceViewDto,
  })
  create(@Body() body: MaintenanceCreateDto): Promise<MaintenanceView> {
    return this.writes.createMaintenance(body);
  }

  @CatalogPatchRoute('maintenance', {
    summary: 'Change a window; null clears a field (to switch one-off <-> recurring)',
    type: MaintenanceViewDto,
  })
  patch(@Param('code') code: string, @Body() body: MaintenancePatchDto): Promise<MaintenanceView> {
    return this.writes.patchMaintenance(code, body);
  }

  @CatalogDisableRoute('maintenance', {
    summary: 'Disable a window (rows are never deleted)',
    type: MaintenanceViewDto,
  })
  disable(@Param('code') code: string): Promise<MaintenanceView> {
    return this.writes.disableMaintenance(code);
  }
}
