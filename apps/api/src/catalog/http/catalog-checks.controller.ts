import { Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiNotFoundResponse } from '@nestjs/swagger';
import { CheckDocument, checkDocumentSchema, checkKey, CheckView } from '@kuzet/contracts';
import type { SessionUser } from '@kuzet/contracts';
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
import { CatalogValidationPipe } from './catalog-validation.pipe';
import { CheckCreateDto, CheckPatchDto, ChecksQueryDto, CheckViewDto } from './check.dto';
import { AgencyScope } from '../../auth/agency-scope.service';
import { CurrentUser } from '../../auth/auth.decorators';

/** Checks are addressed by their key's two parts: /api/catalog/checks/{system}/{code}. */
@CatalogController('catalog/checks')
export class CatalogChecksController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly writes: CatalogWriteService,
    private readonly scope: AgencyScope,
  ) {}

  @CatalogListRoute({
    summary: 'Checks; filters system, kind, enabled',
    type: CheckViewDto,
    validatesQuery: true,
  })
  async list(@Query() query: ChecksQueryDto, @CurrentUser() user: SessionUser): Promise<CheckView[]> {
    if (query.system) await this.scope.assertSystem(user, query.system);
    const visible = await this.scope.visibleSystems(user);
    const checks = await this.repo.listChecks(query);
    return (visible ? checks.filter((c) => visible.has(c.system)) : checks).map((c) =>
      this.scope.redactCheck(user, c),
    );
  }

  @CatalogGetRoute({ path: ':system/:code', type: CheckViewDto })
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

  // The system named in the path may not exist (404); the body is the YAML's check document.
  @CatalogCreateRoute('check', {
    path: ':system',
    summary: 'Add a check to a system (source "api"); body as a check in the YAML',
    type: CheckViewDto,
  })
  @ApiNotFoundResponse()
  @ApiBody({ type: CheckCreateDto })
  create(
    @Param('system') system: string,
    @Body(new CatalogValidationPipe(checkDocumentSchema)) body: CheckDocument,
  ): Promise<CheckView> {
    return this.writes.createCheck(system, body);
  }

  @CatalogPatchRoute('check', {
    path: ':system/:code',
    summary: 'Change a check; options and thresholds are replaced as a whole',
    type: CheckViewDto,
  })
  patch(
    @Param('system') system: string,
    @Param('code') code: string,
    @Body() body: CheckPatchDto,
  ): Promise<CheckView> {
    return this.writes.patchCheck(system, code, body);
  }

  @CatalogDisableRoute('check', {
    path: ':system/:code',
    summary: 'Disable a check (rows are never deleted)',
    type: CheckViewDto,
  })
  disable(@Param('system') system: string, @Param('code') code: string): Promise<CheckView> {
    return this.writes.disableCheck(system, code);
  }
}
