import { maintenanceDocumentSchema, maintenancePatchSchema, maintenanceViewSchema } from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';

export class MaintenanceCreateDto extends createZodDto(maintenanceDocumentSchema) {}
export class MaintenancePatchDto extends createZodDto(maintenancePatchSchema) {}
export class MaintenanceViewDto extends createZodDto(maintenanceViewSchema) {}
