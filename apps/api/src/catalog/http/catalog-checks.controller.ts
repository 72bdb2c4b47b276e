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
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CheckDocument, checkDocumentSchema, checkKey, CheckView } from '@kuzet/contracts';
import { CatalogRepository } from '../catalog.repository';
import { CatalogWriteService } from '../catalog-write.service';
import { CatalogItemNotFoundError } from '../catalog.errors';
import { RequestErrorResponseDto } from './catalog-admin.dto';
import { CatalogExceptionFilter } from './catalog-exception.filter';
import { CatalogValidationPipe } from './catalog-validation.pipe';
import { CheckCreateDto, CheckPatchDto, ChecksQueryDto, CheckViewDto } from './check.dto';
import type { SessionUser } from '@kuzet/contracts';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser, Roles } from '../../auth/auth.decorators';
import { Audited } from '../../audit/audited.decorator';

/** Checks are addressed by their key's two parts: /api/catalog/checks/{system}/{code}. */
@ApiTags('catalog')
@Controller('catalog/checks')
@UsePipes(CatalogValidationPipe)
@UseFilters(CatalogExceptionFilter)
export class CatalogChecksController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly writes: CatalogWriteService,
    private readonly scope: AgencyScope,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Checks; filters system, kind, enabled' })
  @ApiOkResponse({ type: CheckViewDto, isArray: true })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  async list(@Query() query: ChecksQueryDto, @CurrentUser() user: SessionUser): Promise<CheckView[]> {
    if (query.system) await this.scope.assertSystem(user, query.system);
    const visible = await this.scope.visibleSystems(user);
    const checks = await this.repo.listChecks(query);
    return (visible ? checks.filter((c) => visible.has(c.system)) : checks).map((c) => this.scope.redactCheck(user, c));
  }

  @Get(':system/:code')
  @ApiOkResponse({ type: CheckViewDto })
  @ApiNotFoundResponse()
  async get(
    @Param('system') system: string,
    @Param('code') code: string,
    @CurrentUser() user: SessionUser,
  ): Promise<CheckView> {
    await this.scope.assertSystem(user, system);
    const check = await this.repo.findCheck(checkKey(system, code));
    if (!check) throw new CatalogItemNotFoundError('check', checkKey(system, code));
    return this.scope.redactCheck(user, check);
  }

  @Post(':system')
  @Roles('admin')
  @Audited('catalog.check.create', { target: 'check' })
  @ApiOperation({ summary: 'Add a check to a system (source "api"); body as a check in the YAML' })
  @ApiCreatedResponse({ type: CheckViewDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse()
  @ApiBody({ type: CheckCreateDto })
  create(
    @Param('system') system: string,
    @Body(new CatalogValidationPipe(checkDocumentSchema)) body: CheckDocument,
  ): Promise<CheckView> {
    return this.writes.createCheck(system, body);
  }

  @Patch(':system/:code')
  @Roles('admin')
  @Audited('catalog.check.update', { target: 'check' })
  @ApiOperation({ summary: 'Change a check; options and thresholds are replaced as a whole' })
  @ApiOkResponse({ type: CheckViewDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  @ApiNotFoundResponse()
  patch(
    @Param('system') system: string,
    @Param('code') code: string,
    @Body() body: CheckPatchDto,
  ): Promise<CheckView> {
    return this.writes.patchCheck(system, code, body);
  }

  @Delete(':system/:code')
  @Roles('admin')
  @Audited('catalog.check.disable', { target: 'check' })
  @ApiOperation({ summary: 'Disable a check (rows are never deleted)' })
  @ApiOkResponse({ type: CheckViewDto })
  @ApiNotFoundResponse()
  disable(@Param('system') system: string, @Param('code') code: string): Promise<CheckView> {
    return this.writes.disableCheck(system, code);
  }
}
