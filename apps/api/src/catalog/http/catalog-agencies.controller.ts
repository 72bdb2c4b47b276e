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
import type { AgencyDetail, AgencyView } from '@kuzet/contracts';
import { CatalogRepository } from '../catalog.repository';
import { CatalogWriteService } from '../catalog-write.service';
import { CatalogItemNotFoundError } from '../catalog.errors';
import { AgencyCreateDto, AgencyDetailDto, AgencyPatchDto, AgencyViewDto } from './agency.dto';
import { RequestErrorResponseDto } from './catalog-admin.dto';
import { CatalogExceptionFilter } from './catalog-exception.filter';
import { CatalogValidationPipe } from './catalog-validation.pipe';
import type { SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import { Audited } from '../../audit/audited.decorator';

@ApiTags('catalog')
@Controller('catalog/agencies')
@UsePipes(CatalogValidationPipe)
@UseFilters(CatalogExceptionFilter)
export class CatalogAgenciesController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly writes: CatalogWriteService,
    private readonly scope: AgencyScope,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All agencies, enabled or not' })
  @ApiOkResponse({ type: AgencyViewDto, isArray: true })
  async list(@CurrentUser() user: SessionUser): Promise<AgencyView[]> {
    return this.scope.filter(user, await this.repo.listAgencies(), (a) => a.code);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One agency with its systems' })
  @ApiOkResponse({ type: AgencyDetailDto })
  @ApiNotFoundResponse()
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
        tier: s.tier,
        public: s.public,
        enabled: s.enabled,
      })),
    };
  }

  @Post()
  @Roles('admin')
  @Audited('catalog.agency.create', { target: 'agency' })
  @ApiOperation({ summary: 'Add an agency (source "api")' })
  @ApiCreatedResponse({ type: AgencyViewDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  @ApiConflictResponse()
  create(@Body() body: AgencyCreateDto): Promise<AgencyView> {
    return this.writes.createAgency(body);
  }

  @Patch(':code')
  @Roles('admin')
  @Audited('catalog.agency.update', { target: 'agency' })
  @ApiOperation({ summary: 'Change an agency; a folder-defined one is overwritten by the next reload' })
  @ApiOkResponse({ type: AgencyViewDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  @ApiNotFoundResponse()
  patch(@Param('code') code: string, @Body() body: AgencyPatchDto): Promise<AgencyView> {
    return this.writes.patchAgency(code, body);
  }

  @Delete(':code')
  @Roles('admin')
  @Audited('catalog.agency.disable', { target: 'agency' })
  @ApiOperation({ summary: 'Disable an agency (rows are never deleted)' })
  @ApiOkResponse({ type: AgencyViewDto })
  @ApiNotFoundResponse()
  disable(@Param('code') code: string): Promise<AgencyView> {
    return this.writes.disableAgency(code);
  }
}
