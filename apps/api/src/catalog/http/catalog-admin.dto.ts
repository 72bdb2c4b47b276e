import {
  catalogApplyResultSchema,
  catalogErrorResponseSchema,
  catalogValidateRequestSchema,
  catalogValidateResponseSchema,
  requestErrorResponseSchema,
} from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';

export class CatalogValidateRequestDto extends createZodDto(catalogValidateRequestSchema) {}
export class CatalogValidateResponseDto extends createZodDto(catalogValidateResponseSchema) {}
export class CatalogApplyResultDto extends createZodDto(catalogApplyResultSchema) {}
export class CatalogErrorResponseDto extends createZodDto(catalogErrorResponseSchema) {}
export class RequestErrorResponseDto extends createZodDto(requestErrorResponseSchema) {}
