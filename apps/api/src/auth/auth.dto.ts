import { ROLES } from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;
export const passwordSchema = z.string().min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX);

export class LoginBodyDto extends createZodDto(
  z.strictObject({
    email: z.string().trim().min(1).max(254),
    // Not the new-password policy: old passwords still sign in; length is bounded against abuse.
    password: z.string().min(1).max(PASSWORD_MAX),
  }),
) {}

export class PasswordChangeBodyDto extends createZodDto(
  z.strictObject({ current_password: z.string().min(1).max(PASSWORD_MAX), new_password: passwordSchema }),
) {}

const sessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  agency: z.string().nullable(),
});

export class SessionViewDto extends createZodDto(
  z.object({ user: sessionUser, csrf_token: z.string(), expires_at: z.string() }),
) {}

export class SessionProbeDto extends createZodDto(
  z.object({
    signed_in: z.boolean(),
    user: sessionUser.optional(),
    csrf_token: z.string().optional(),
    expires_at: z.string().optional(),
  }),
) {}
