import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Post,
  Query,
  UseFilters,
  UsePipes,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { SystemDetail, SystemView } from '@kuzet/contracts';
import { CatalogRepository } from '../catalog.repository';
import { CatalogWriteService } from '../catalog-write.service';
import { RequestErrorResponseDto } from './catalog-admin.dto';
import { CatalogExceptionFilter } from './catalog-exception.filter';
import { CatalogValidationPipe } from './catalog-validation.pipe';
import {
  SystemCreateDto,
  SystemDetailDto,
  SystemPatchDto,
  SystemsQueryDto,
  SystemViewDto,
} from './system.dto';
import type { SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import { Audited } from '../../audit/audited.decorator';

@ApiTags('catalog')
@Controller('catalog/systems')
@UsePipes(CatalogValidationPipe)
@UseFilters(CatalogExceptionFilter)
export class CatalogSystemsController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly writes: CatalogWriteService,
    private readonly scope: AgencyScope,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Systems, with agency code and dependencies; filters agency, tier, public, enabled',
  })
  @ApiOkResponse({ type: SystemViewDto, isArray: true })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  list(@Query() query: SystemsQueryDto, @CurrentUser() user: SessionUser): Promise<SystemView[]> {
    return this.repo.listSystems({ ...query, agency: this.scope.agencyFilter(user, query.agency) });
  }

  @Get(':code')
  @ApiOperation({ summary: 'One system with its checks and dependents' })
  @ApiOkResponse({ type: SystemDetailDto })
  @ApiNotFoundResponse()
  async get(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<SystemDetail> {
    await this.scope.assertSystem(user, code);
    return this.scope.redactSystemDetail(user, await this.writes.systemDetail(code));
  }

  @Post()
  @Roles('admin')
  @Audited('catalog.system.create', { target: 'system' })
  @ApiOperation({ summary: 'Add a system, optionally with checks (source "api")' })
  @ApiCreatedResponse({ type: SystemDetailDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  @ApiConflictResponse()
  create(@Body() body: SystemCreateDto): Promise<SystemDetail> {
    return this.writes.createSystem(body);
  }

  @Patch(':code')
  @Roles('admin')
  @Audited('catalog.system.update', { target: 'system' })
  @ApiOperation({ summary: 'Change a system (not its checks); null clears category or slo_target' })
  @ApiOkResponse({ type: SystemDetailDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  @ApiNotFoundResponse()
  patch(@Param('code') code: string, @Body() body: SystemPatchDto): Promise<SystemDetail> {
    return this.writes.patchSystem(code, body);
  }

  @Delete(':code')
  @Roles('admin')
  @Audited('catalog.system.disable', { target: 'system' })
  @ApiOperation({ summary: 'Disable a system (rows are never deleted)' })
  @ApiOkResponse({ type: SystemDetailDto })
  @ApiNotFoundResponse()
  disable(@Param('code') code: string): Promise<SystemDetail> {
    return this.writes.disableSystem(code);
  }
}
