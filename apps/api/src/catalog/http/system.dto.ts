import {
  systemDetailSchema,
  systemDocumentSchema,
  systemPatchSchema,
  systemsQuerySchema,
  systemViewSchema,
} from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';

export class SystemCreateDto extends createZodDto(systemDocumentSchema) {}
export class SystemPatchDto extends createZodDto(systemPatchSchema) {}
export class SystemsQueryDto extends createZodDto(systemsQuerySchema) {}
export class SystemViewDto extends createZodDto(systemViewSchema) {}
export class SystemDetailDto extends createZodDto(systemDetailSchema) {}
