import { ROLES } from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { passwordSchema } from '../auth/auth.dto';

const code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected an agency code (a-z, 0-9, -)');
const name = z.string().trim().max(200);

export class UserCreateDto extends createZodDto(
  z.strictObject({
    email: z.email().max(254),
    name: name.optional(),
    role: z.enum(ROLES),
    agency: code.optional(),
    password: passwordSchema,
  }),
) {}

export class UserPatchDto extends createZodDto(
  z
    .strictObject({
      name: name.optional(),
      role: z.enum(ROLES).optional(),
      agency: code.nullable().optional(),
      disabled: z.boolean().optional(),
      password: passwordSchema.optional(),
    })
    .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['(body)'] }),
) {}

export class UserIdDto extends createZodDto(z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) })) {}

export class UserViewDto extends createZodDto(
  z.object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    agency: z.string().nullable(),
    disabled: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
) {}
