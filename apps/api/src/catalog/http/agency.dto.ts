import {
  agencyDetailSchema,
  agencyDocumentSchema,
  agencyPatchSchema,
  agencyViewSchema,
} from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';

export class AgencyCreateDto extends createZodDto(agencyDocumentSchema) {}
export class AgencyPatchDto extends createZodDto(agencyPatchSchema) {}
export class AgencyViewDto extends createZodDto(agencyViewSchema) {}
export class AgencyDetailDto extends createZodDto(agencyDetailSchema) {}
