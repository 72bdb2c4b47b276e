import { Body, Controller, Delete, Get, Param, Patch, Post, UseFilters, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { MaintenanceView } from '@kuzet/contracts';
import { CatalogRepository } from '../catalog.repository';
import { CatalogWriteService } from '../catalog-write.service';
import { CatalogItemNotFoundError } from '../catalog.errors';
import { RequestErrorResponseDto } from './catalog-admin.dto';
import { CatalogExceptionFilter } from './catalog-exception.filter';
import { CatalogValidationPipe } from './catalog-validation.pipe';
import { MaintenanceCreateDto, MaintenancePatchDto, MaintenanceViewDto } from './maintenance.dto';
import type { SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import { Audited } from '../../audit/audited.decorator';
import { OtherAgencyError } from '../../auth/auth.errors';

@ApiTags('catalog')
@Controller('catalog/maintenance')
@UsePipes(CatalogValidationPipe)
@UseFilters(CatalogExceptionFilter)
export class CatalogMaintenanceController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly writes: CatalogWriteService,
    private readonly scope: AgencyScope,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Maintenance windows (one-off times as UTC instants and as written locally)' })
  @ApiOkResponse({ type: MaintenanceViewDto, isArray: true })
  async list(@CurrentUser() user: SessionUser): Promise<MaintenanceView[]> {
    const visible = await this.scope.visibleSystems(user);
    const windows = await this.repo.listMaintenance();
    return visible ? windows.filter((w) => w.systems.some((s) => visible.has(s))) : windows;
  }

  @Get(':code')
  @ApiOkResponse({ type: MaintenanceViewDto })
  @ApiNotFoundResponse()
  async get(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<MaintenanceView> {
    const window = await this.repo.findMaintenance(code);
    if (!window) throw new CatalogItemNotFoundError('maintenance window', code);
    const visible = await this.scope.visibleSystems(user);
    if (visible && !window.systems.some((s) => visible.has(s))) throw new OtherAgencyError(`maintenance window ${code}`);
    return window;
  }

  @Post()
  @Roles('admin')
  @Audited('catalog.maintenance.create', { target: 'maintenance' })
  @ApiOperation({ summary: 'Add a maintenance window (source "api")' })
  @ApiCreatedResponse({ type: MaintenanceViewDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  @ApiConflictResponse()
  create(@Body() body: MaintenanceCreateDto): Promise<MaintenanceView> {
    return this.writes.createMaintenance(body);
  }

  @Patch(':code')
  @Roles('admin')
  @Audited('catalog.maintenance.update', { target: 'maintenance' })
  @ApiOperation({ summary: 'Change a window; null clears a field (to switch one-off <-> recurring)' })
  @ApiOkResponse({ type: MaintenanceViewDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  @ApiNotFoundResponse()
  patch(@Param('code') code: string, @Body() body: MaintenancePatchDto): Promise<MaintenanceView> {
    return this.writes.patchMaintenance(code, body);
  }

  @Delete(':code')
  @Roles('admin')
  @Audited('catalog.maintenance.disable', { target: 'maintenance' })
  @ApiOperation({ summary: 'Disable a window (rows are never deleted)' })
  @ApiOkResponse({ type: MaintenanceViewDto })
  @ApiNotFoundResponse()
  disable(@Param('code') code: string): Promise<MaintenanceView> {
    return this.writes.disableMaintenance(code);
  }
}
