import { checkDocumentSchema, checkPatchSchema, checksQuerySchema, checkViewSchema } from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';

/**
 * A check body is a union over `kind`, which a class cannot extend: this DTO only documents it
 * (@ApiBody); the route validates with `new CatalogValidationPipe(checkDocumentSchema)`. Named so
 * that the OpenAPI component is not called "AugmentedZodDto".
 */
export const CheckCreateDto = Object.defineProperty(createZodDto(checkDocumentSchema), 'name', {
  value: 'CheckCreateDto',
});
export class CheckPatchDto extends createZodDto(checkPatchSchema) {}
export class ChecksQueryDto extends createZodDto(checksQuerySchema) {}
export class CheckViewDto extends createZodDto(checkViewSchema) {}
