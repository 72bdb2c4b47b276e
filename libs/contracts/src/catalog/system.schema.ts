import { z } from 'zod';
import { catalogCodeSchema } from './catalog-code';
import { systemTierSchema } from './catalog-enums';
import { checkDocumentSchema } from './check.schema';
import { localizedShortTextSchema, localizedTextSchema } from './localized-text.schema';

const systemFields = {
  agency: catalogCodeSchema,
  name: localizedTextSchema,
  /** Optional short name for tiles and the wall display (at most 40 characters per language). */
  short_name: localizedShortTextSchema,
  tier: systemTierSchema,
  category: catalogCodeSchema,
  public: z.boolean(),
  depends_on: z
    .array(catalogCodeSchema)
    .max(200)
    .refine((d) => new Set(d).size === d.length, 'depends_on must not repeat a system'),
  /** Availability objective in percent, e.g. 99.9; unset means the platform default. */
  slo_target: z.number().gt(0, 'must be above 0').lt(100, 'must be below 100 (a percentage such as 99.9)'),
  enabled: z.boolean(),
};

export const systemDocumentSchema = z.strictObject({
  code: catalogCodeSchema,
  agency: systemFields.agency,
  name: systemFields.name,
  short_name: systemFields.short_name.optional(),
  tier: systemFields.tier,
  category: systemFields.category.optional(),
  public: systemFields.public.default(false),
  depends_on: systemFields.depends_on.default([]),
  slo_target: systemFields.slo_target.optional(),
  enabled: systemFields.enabled.default(true),
  checks: z.array(checkDocumentSchema).max(100).default([]),
});
export type SystemDocumentInput = z.input<typeof systemDocumentSchema>;
export type SystemDocument = z.output<typeof systemDocumentSchema>;

/** A REST PATCH: any field but the code and the checks (which have their own routes); null clears. */
export const systemPatchSchema = z.strictObject({
  agency: systemFields.agency.optional(),
  name: systemFields.name.optional(),
  short_name: systemFields.short_name.nullable().optional(),
  tier: systemFields.tier.optional(),
  category: systemFields.category.nullable().optional(),
  public: systemFields.public.optional(),
  depends_on: systemFields.depends_on.optional(),
  slo_target: systemFields.slo_target.nullable().optional(),
  enabled: systemFields.enabled.optional(),
});
export type SystemPatch = z.output<typeof systemPatchSchema>;
