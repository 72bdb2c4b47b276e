import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const AUDIT_PAGE_MAX = 500;

export class AuditQueryDto extends createZodDto(
  z
    .strictObject({
      actor: z.string().min(1).max(254).optional(),
      action: z.string().regex(/^[a-z][a-z0-9_.]*$/, 'expected an action like incident.ack or incident').max(100).optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      cursor: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
    })
    .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'to must be after from', path: ['to'] }),
) {}

export class AuditPageDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        actor_id: z.number().int().nullable(),
        actor_email: z.string().nullable(),
        action: z.string(),
        target: z.string().nullable(),
        changes: z.record(z.string(), z.unknown()),
        client_address: z.string().nullable(),
      }),
    ),
    next_cursor: z.number().int().nullable(),
  }),
) {}
