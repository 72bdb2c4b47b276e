import { Body, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { CatalogApplyResult, CatalogValidateResponse } from '@kuzet/contracts';
import { CatalogService } from '../catalog.service';
import {
  CatalogApplyResultDto,
  CatalogErrorResponseDto,
  CatalogValidateRequestDto,
  CatalogValidateResponseDto,
  RequestErrorResponseDto,
} from './catalog-admin.dto';
import { CatalogController } from './catalog-route.decorators';
import { Roles } from '../../auth/auth.decorators';
import { Audited } from '../../audit/audited.decorator';

@CatalogController('catalog')
export class CatalogAdminController {
  constructor(private readonly catalog: CatalogService) {}

  @Post('reload')
  @Roles('admin')
  @Audited('catalog.reload', { target: 'catalog' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate and apply the catalog folder now' })
  @ApiOkResponse({ type: CatalogApplyResultDto })
  @ApiUnprocessableEntityResponse({
    type: CatalogErrorResponseDto,
    description: 'the folder is invalid; nothing changed',
  })
  @ApiConflictResponse({ description: 'no catalog folder is set' })
  reload(): Promise<CatalogApplyResult> {
    return this.catalog.reload();
  }

  @Post('validate')
  @Roles('admin')
  @Audited('catalog.validate', { target: 'catalog', body: false })
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate catalog files given in the body; nothing is stored' })
  @ApiOkResponse({ type: CatalogValidateResponseDto })
  @ApiBadRequestResponse({ type: RequestErrorResponseDto })
  validate(@Body() body: CatalogValidateRequestDto): CatalogValidateResponse {
    return this.catalog.validateFiles(body.files);
  }
}
