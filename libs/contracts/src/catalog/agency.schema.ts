import { z } from 'zod';
import { catalogCodeSchema } from './catalog-code';
import { localizedTextSchema } from './localized-text.schema';
import {
  alertLanguageSchema,
  DEFAULT_NOTIFICATION_POLICY,
  notificationPolicySchema,
  NotificationPolicy,
  quietHoursSchema,
} from './notification-policy.schema';
import { expected } from './schema-messages';
import { webhookContactSecretsSchema } from './contact-secrets';

const webUrl = z.url({ protocol: /^https?$/, error: expected('expected an http:// or https:// URL') });

/** Fields every contact has: a name the policy refers to, its language and quiet hours. */
const contactCommon = {
  name: catalogCodeSchema.optional(),
  language: alertLanguageSchema.default('ru'),
  quiet_hours: quietHoursSchema.optional(),
};

/** Where an agency's alerts go; the notifier reads these. */
export const agencyContactSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('email'),
      address: z.email({ error: expected('expected an e-mail address') }),
      ...contactCommon,
    }),
    z.strictObject({
      kind: z.literal('webhook'),
      url: webUrl,
      ...contactCommon,
      /** Its own signing secrets (`${env:NAME}`), else the installation's KUZET_WEBHOOK_SECRETS. */
      secrets: webhookContactSecretsSchema.optional(),
    }),
    z.strictObject({
      kind: z.literal('telegram'),
      ...contactCommon,
      chat_id: z
        .union([
          z.string().regex(/^-?\d+$|^@\w{5,}$/, 'expected a numeric chat id or @channel'),
          z.number().int(),
        ])
        .transform(String),
    }),
  ],
  { error: 'kind must be one of email, webhook, telegram' },
);
export type AgencyContact = z.output<typeof agencyContactSchema>;

/** A contact's recipient address: the e-mail address, webhook URL or Telegram chat id. */
export function contactAddress(c: AgencyContact): string {
  if (c.kind === 'email') return c.address;
  return c.kind === 'webhook' ? c.url : c.chat_id;
}

const agencyFields = {
  name: localizedTextSchema,
  contacts: z.array(agencyContactSchema).max(50),
  enabled: z.boolean(),
  notifications: notificationPolicySchema,
};

/** Contact names are unique and every name the policy uses is a contact of the agency. */
function checkContactNames(
  doc: { contacts?: AgencyContact[]; notifications?: NotificationPolicy },
  ctx: z.RefinementCtx,
): void {
  const names = new Set<string>();
  (doc.contacts ?? []).forEach((c, i) => {
    if (c.name === undefined) return;
    if (names.has(c.name))
      ctx.addIssue({ code: 'custom', path: ['contacts', i, 'name'], message: `duplicate contact name "${c.name}"` });
    names.add(c.name);
  });
  const policy = doc.notifications;
  if (!policy || doc.contacts === undefined) return;
  const check = (list: string[] | undefined, path: (string | number)[]) =>
    list?.forEach((n, i) => {
      if (!names.has(n))
        ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown contact "${n}" (contacts need a name)` });
    });
  for (const [sev, o] of Object.entries(policy.severities))
    check(o?.contacts, ['notifications', 'severities', sev, 'contacts']);
  for (const [sys, o] of Object.entries(policy.systems))
    check(o.contacts, ['notifications', 'systems', sys, 'contacts']);
  policy.escalation.forEach((l, i) => check(l.contacts, ['notifications', 'escalation', i, 'contacts']));
}

export const agencyDocumentSchema = z
  .strictObject({
    code: catalogCodeSchema,
    name: agencyFields.name,
    contacts: agencyFields.contacts.default([]),
    enabled: agencyFields.enabled.default(true),
    notifications: agencyFields.notifications.default(DEFAULT_NOTIFICATION_POLICY),
  })
  .superRefine(checkContactNames);
export type AgencyDocumentInput = z.input<typeof agencyDocumentSchema>;
export type AgencyDocument = z.output<typeof agencyDocumentSchema>;

/** A REST PATCH: any field but the code; arrays replace the stored ones. */
export const agencyPatchSchema = z.strictObject({
  name: agencyFields.name.optional(),
  contacts: agencyFields.contacts.optional(),
  enabled: agencyFields.enabled.optional(),
  notifications: agencyFields.notifications.optional(),
});
export type AgencyPatch = z.output<typeof agencyPatchSchema>;
