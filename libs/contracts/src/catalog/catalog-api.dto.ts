import { z } from 'zod';
import { agencyContactSchema } from './agency.schema';
import { notificationPolicySchema } from './notification-policy.schema';
import { catalogCodeSchema } from './catalog-code';
import { catalogSourceSchema, checkKindSchema, checkRoleSchema, systemTierSchema } from './catalog-enums';
import { catalogProblemSchema, fieldProblemSchema } from './catalog-problem';
import { localizedTextSchema } from './localized-text.schema';

// Shapes of the /api/catalog REST API. Request bodies for writes are the catalog document schemas
// themselves (agencyDocumentSchema, systemDocumentSchema, checkDocumentSchema,
// maintenanceDocumentSchema) and their *PatchSchema; responses use the snake_case field names of
// the YAML so that one vocabulary serves files, API and UI.

const timestamp = z.string().describe('ISO 8601 instant (UTC)');
const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const agencyViewSchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  contacts: z.array(agencyContactSchema),
  notifications: notificationPolicySchema,
  enabled: z.boolean(),
  source: catalogSourceSchema,
  created_at: timestamp,
  updated_at: timestamp,
});
export type AgencyView = z.infer<typeof agencyViewSchema>;

export const systemSummarySchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  /** For tiles where the full name does not fit; null when the catalog gives none. */
  short_name: localizedTextSchema.nullable(),
  tier: systemTierSchema,
  public: z.boolean(),
  enabled: z.boolean(),
});

export const agencyDetailSchema = agencyViewSchema.extend({ systems: z.array(systemSummarySchema) });
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;

export const systemViewSchema = z.object({
  code: z.string(),
  agency: z.string(),
  name: localizedTextSchema,
  /** For tiles where the full name does not fit; null when the catalog gives none. */
  short_name: localizedTextSchema.nullable(),
  tier: systemTierSchema,
  category: z.string().nullable(),
  public: z.boolean(),
  depends_on: z.array(z.string()),
  slo_target: z.number().nullable(),
  enabled: z.boolean(),
  source: catalogSourceSchema,
  created_at: timestamp,
  updated_at: timestamp,
});
export type SystemView = z.infer<typeof systemViewSchema>;

export const checkViewSchema = z.object({
  /** The id in /api/checks/{id}/results and /latency. */
  id: z.number().int(),
  key: z.string().describe('"<system>/<check>"'),
  system: z.string(),
  code: z.string(),
  kind: checkKindSchema,
  target: z.string().nullable(),
  interval_s: z.number(),
  timeout_s: z.number(),
  regions: z.array(z.string()),
  conditions: z.array(z.string()),
  thresholds: z.record(z.string(), z.unknown()),
  /** The check's effective role (as written, else the kind's default). */
  role: checkRoleSchema,
  /** True when the catalog sets the role; false when it is the kind's default. */
  role_explicit: z.boolean(),
  /** Kind-specific options; check secrets (credential headers, body, send) only as {"secret": true}. */
  options: z
    .record(z.string(), z.unknown())
    .describe('kind-specific options; each check secret (credential header, body, send) is shown as {"secret": true}'),
  /** Heartbeat checks only: the secret in /api/push/{token}. */
  push_token: z.string().nullable(),
  enabled: z.boolean(),
  source: catalogSourceSchema,
  created_at: timestamp,
  updated_at: timestamp,
});
export type CheckView = z.infer<typeof checkViewSchema>;

export const systemDetailSchema = systemViewSchema.extend({
  checks: z.array(checkViewSchema),
  /** Systems that depend on this one (its direct dependents). */
  dependents: z.array(z.string()),
});
export type SystemDetail = z.infer<typeof systemDetailSchema>;

export const maintenanceViewSchema = z.object({
  code: z.string(),
  title: localizedTextSchema,
  systems: z.array(z.string()),
  timezone: z.string(),
  /** One-off windows: the instants, and the local times as written. */
  starts_at: timestamp.nullable(),
  ends_at: timestamp.nullable(),
  starts_at_local: z.string().nullable(),
  ends_at_local: z.string().nullable(),
  /** Recurring windows. */
  recurrence: z.string().nullable(),
  start_time: z.string().nullable(),
  duration_s: z.number().nullable(),
  enabled: z.boolean(),
  source: catalogSourceSchema,
  created_at: timestamp,
  updated_at: timestamp,
});
export type MaintenanceView = z.infer<typeof maintenanceViewSchema>;

export const systemsQuerySchema = z.object({
  agency: catalogCodeSchema.optional(),
  tier: systemTierSchema.optional(),
  public: queryBool.optional(),
  enabled: queryBool.optional(),
});
export type SystemsQuery = z.output<typeof systemsQuerySchema>;

export const checksQuerySchema = z.object({
  system: catalogCodeSchema.optional(),
  kind: checkKindSchema.optional(),
  enabled: queryBool.optional(),
});
export type ChecksQuery = z.output<typeof checksQuerySchema>;

export const applyCountsSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  disabled: z.number().int(),
  unchanged: z.number().int(),
});
export type ApplyCounts = z.infer<typeof applyCountsSchema>;

export const catalogApplySummarySchema = z.object({
  categories: applyCountsSchema,
  agencies: applyCountsSchema,
  systems: applyCountsSchema,
  checks: applyCountsSchema,
  maintenance: applyCountsSchema,
});
export type CatalogApplySummary = z.infer<typeof catalogApplySummarySchema>;

export const catalogApplyResultSchema = z.object({
  /** False when the catalog was already stored exactly so (then no revision is written). */
  changed: z.boolean(),
  revision_id: z.number().int().nullable(),
  content_hash: z.string(),
  summary: catalogApplySummarySchema,
});
export type CatalogApplyResult = z.infer<typeof catalogApplyResultSchema>;

export const catalogCountsSchema = z.object({
  categories: z.number().int(),
  agencies: z.number().int(),
  systems: z.number().int(),
  checks: z.number().int(),
  maintenance: z.number().int(),
});
export type CatalogCounts = z.infer<typeof catalogCountsSchema>;

/** Caps for POST /api/catalog/validate; the HTTP body limit (1 MiB by default) applies first. */
export const VALIDATE_MAX_FILES = 500;
export const VALIDATE_MAX_FILE_CHARS = 512 * 1024;

export const catalogValidateRequestSchema = z.strictObject({
  /** File name (relative path inside the folder) -> content. Non-YAML entries serve as ca_file targets. */
  files: z
    .record(
      z
        .string()
        .min(1)
        .max(255)
        .refine(
          (n) => !n.startsWith('/') && !n.split(/[\\/]/).includes('..'),
          'expected a relative path inside the folder',
        ),
      z.string().max(VALIDATE_MAX_FILE_CHARS, `at most ${VALIDATE_MAX_FILE_CHARS} characters per file`),
    )
    .refine((f) => Object.keys(f).length >= 1, 'give at least one file')
    .refine((f) => Object.keys(f).length <= VALIDATE_MAX_FILES, `at most ${VALIDATE_MAX_FILES} files`),
});
export type CatalogValidateRequest = z.infer<typeof catalogValidateRequestSchema>;

export const catalogValidateResponseSchema = z.object({
  valid: z.boolean(),
  counts: catalogCountsSchema,
  errors: z.array(catalogProblemSchema),
});
export type CatalogValidateResponse = z.infer<typeof catalogValidateResponseSchema>;

/** 422 from reload (and from validation of a catalog folder): every problem found. */
export const catalogErrorResponseSchema = z.object({
  statusCode: z.number().int(),
  message: z.string(),
  errors: z.array(catalogProblemSchema),
});
export type CatalogErrorResponse = z.infer<typeof catalogErrorResponseSchema>;

/** 400: a request body or query that does not fit; every field named. */
export const requestErrorResponseSchema = z.object({
  statusCode: z.number().int(),
  message: z.string(),
  errors: z.array(fieldProblemSchema),
});
export type RequestErrorResponse = z.infer<typeof requestErrorResponseSchema>;
