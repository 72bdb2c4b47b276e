import { z } from 'zod';
import { catalogCodeSchema } from './catalog-code';
import { localizedTextSchema } from './localized-text.schema';
import { expected } from './schema-messages';

const webUrl = z.url({ protocol: /^https?$/, error: expected('expected an http:// or https:// URL') });

/** Where an agency's alerts go; the notifier reads these. */
export const agencyContactSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('email'),
      address: z.email({ error: expected('expected an e-mail address') }),
    }),
    z.strictObject({ kind: z.literal('webhook'), url: webUrl }),
    z.strictObject({
      kind: z.literal('telegram'),
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

const agencyFields = {
  name: localizedTextSchema,
  contacts: z.array(agencyContactSchema).max(50),
  enabled: z.boolean(),
};

export const agencyDocumentSchema = z.strictObject({
  code: catalogCodeSchema,
  name: agencyFields.name,
  contacts: agencyFields.contacts.default([]),
  enabled: agencyFields.enabled.default(true),
});
export type AgencyDocumentInput = z.input<typeof agencyDocumentSchema>;
export type AgencyDocument = z.output<typeof agencyDocumentSchema>;

/** A REST PATCH: any field but the code; arrays replace the stored ones. */
export const agencyPatchSchema = z.strictObject({
  name: agencyFields.name.optional(),
  contacts: agencyFields.contacts.optional(),
  enabled: agencyFields.enabled.optional(),
});
export type AgencyPatch = z.output<typeof agencyPatchSchema>;
