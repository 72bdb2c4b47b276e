import { parseIpAddress } from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a system or agency code');

/**
 * A webhook Kuzet will POST to on behalf of an anonymous sign-up: https to a DNS name only (no IP
 * literal, no localhost), so a sign-up cannot aim Kuzet at an address on its own network by
 * number. Names that resolve to private addresses are not refused yet (docs/subscriptions.md).
 */
const webhookUrl = z
  .url({ protocol: /^https$/, error: 'expected an https:// URL' })
  .max(2000)
  .refine((value) => {
    // zod runs this even after the URL check failed: that check has said what is wrong
    if (!URL.canParse(value)) return true;
    const host = new URL(value).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return !parseIpAddress(host) && host !== 'localhost' && !host.endsWith('.localhost') && host.includes('.');
  }, 'expected a public host name, not an IP address or localhost');

export const subscribeBodySchema = z
  .strictObject({
    email: z.email({ error: 'expected an e-mail address' }).max(254).optional(),
    webhook_url: webhookUrl.optional(),
    scope: z.union([z.literal('all'), z.strictObject({ system: code }), z.strictObject({ agency: code })], {
      error: `expected "all", { "system": code } or { "agency": code }`,
    }),
    language: z.enum(['kk', 'ru', 'en']),
  })
  .superRefine((body, ctx) => {
    if ((body.email === undefined) === (body.webhook_url === undefined))
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'give exactly one of email and webhook_url' });
  });

export class SubscribeBodyDto extends createZodDto(subscribeBodySchema) {}

/** The public page's sign-up form (urlencoded): e-mail only; scope as "all", "system:{code}" or "agency:{code}". */
export const subscribeFormSchema = z.object({
  email: z.email({ error: 'expected an e-mail address' }).max(254),
  scope: z
    .string({ error: 'expected "all", "system:{code}" or "agency:{code}"' })
    .regex(/^(all|(system|agency):[a-z0-9][a-z0-9_.-]{0,99})$/i, 'expected "all", "system:{code}" or "agency:{code}"'),
  language: z.enum(['kk', 'ru', 'en']),
});
export type SubscribeForm = z.infer<typeof subscribeFormSchema>;

/** The form's scope field as the service takes it. */
export function formScope(scope: string): 'all' | { system: string } | { agency: string } {
  const [kind, code] = scope.split(':');
  if (kind === 'system') return { system: code };
  if (kind === 'agency') return { agency: code };
  return 'all';
}

export const tokenQuerySchema = z.object({
  token: z.string().min(16, 'expected the token from the link').max(128, 'expected the token from the link'),
});

export class TokenQueryDto extends createZodDto(tokenQuerySchema) {}

export const signUpAnswerSchema = z.object({
  status: z.literal('accepted'),
  confirmation: z.enum(['email', 'webhook']),
});

export class SignUpAnswerDto extends createZodDto(signUpAnswerSchema) {}
