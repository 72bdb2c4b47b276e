import { ERROR_CLASSES, LANGUAGES } from '@kuzet/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { INCIDENT_STATES, PUBLIC_INCIDENT_STATES } from '../incident-record';
import { INCIDENT_SEVERITIES } from '../incident-severity';

const isoDateTime = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v) && !Number.isNaN(Date.parse(v)),
    'expected an ISO 8601 date-time',
  );
const code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a code (a-z, 0-9, -)');

export const incidentsQuerySchema = z.strictObject({
  agency: code.optional(),
  system: code.optional(),
  state: z.enum(INCIDENT_STATES).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d+_\d+$/, 'expected the next_cursor of a previous page')
    .optional(),
});
export type IncidentsQuery = z.infer<typeof incidentsQuerySchema>;

export const incidentIdSchema = z.strictObject({
  id: z.string().regex(/^[1-9]\d{0,15}$/, 'expected a positive whole number'),
});

const localized = z.strictObject(
  Object.fromEntries(
    LANGUAGES.map((l) => [l, z.string().trim().min(1, 'must not be empty').max(4000)]),
  ) as Record<(typeof LANGUAGES)[number], z.ZodString>,
);

export const noteBodySchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(10000),
});
export const publicUpdateBodySchema = z.strictObject({
  public_state: z.enum(PUBLIC_INCIDENT_STATES),
  text: localized,
});
export const actionBodySchema = z.strictObject({ by: z.string().min(1).max(200).optional() }).optional();

const localizedView = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
const causeCheckView = z.object({
  checkId: z.number().int(),
  checkCode: z.string(),
  checkType: z.string(),
  role: z.enum(['primary', 'diagnostic']),
  outcome: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  regions: z.array(z.string()),
  errorClass: z.enum(ERROR_CLASSES).nullable(),
  httpStatus: z.number().int().nullable(),
  error: z.string().describe('the first error in plain words, e.g. "HTTP 503", "timeout after 10 s", "NXDOMAIN"'),
  firstFailureAt: z.number().describe('planned time of the first failing result, epoch ms'),
});
export const incidentCauseViewSchema = z.object({ checks: z.array(causeCheckView) });
export const incidentViewSchema = z.object({
  id: z.number().int(),
  system: z.string(),
  agency: z.string(),
  kind: z.enum(['root', 'symptom']),
  root_incident_id: z.number().int().nullable(),
  alertable: z.boolean(),
  status: z.string(),
  severity: z.enum(INCIDENT_SEVERITIES),
  state: z.enum(INCIDENT_STATES),
  public_state: z.enum(PUBLIC_INCIDENT_STATES),
  opened_at: z.string(),
  acknowledged_at: z.string().nullable(),
  resolved_at: z.string().nullable(),
  recovered_at: z.string().nullable(),
  last_failure_at: z.string(),
  flapping: z.boolean(),
  title: localizedView,
  failure_kind: z.enum(['outage', 'degraded', 'flapping']).describe('what happened (kind says root or symptom)'),
  phase: z
    .enum(['failing', 'recovering', 'resolved'])
    .describe('recovering: the system is back ("recovered, monitoring"); resolves after the cooldown unless it fails again'),
  cause: incidentCauseViewSchema.nullable(),
  confirmed_at: z.string().nullable().describe('when the incident was created (the failure confirmed)'),
  first_failure_at: z.string().nullable().describe('planned time of the first failing result'),
});
export type IncidentView = z.infer<typeof incidentViewSchema>;

export const incidentEventViewSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  at: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export const incidentDetailSchema = incidentViewSchema.extend({ timeline: z.array(incidentEventViewSchema) });
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;
export const incidentPageSchema = z.object({
  items: z.array(incidentViewSchema),
  next_cursor: z.string().nullable(),
});
export type IncidentPage = z.infer<typeof incidentPageSchema>;

export const reliabilityQuerySchema = z
  .strictObject({
    agency: code.optional(),
    system: code.optional(),
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .refine((q) => (q.agency === undefined) !== (q.system === undefined), {
    message: 'give exactly one of agency or system',
    path: ['agency'],
  });
export type ReliabilityQuery = z.infer<typeof reliabilityQuerySchema>;
export const reliabilityViewSchema = z.object({
  agency: z.string().nullable(),
  system: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  count: z.number().int(),
  mtta_ms: z.number().nullable(),
  mttr_ms: z.number().nullable(),
  mtbf_ms: z.number().nullable(),
  downtime_ms: z.number(),
});
export type ReliabilityView = z.infer<typeof reliabilityViewSchema>;

export class IncidentsQueryDto extends createZodDto(incidentsQuerySchema) {}
export class IncidentIdDto extends createZodDto(incidentIdSchema) {}
export class NoteBodyDto extends createZodDto(noteBodySchema) {}
export class PublicUpdateBodyDto extends createZodDto(publicUpdateBodySchema) {}
export class IncidentViewDto extends createZodDto(incidentViewSchema) {}
export class IncidentDetailDto extends createZodDto(incidentDetailSchema) {}
export class IncidentPageDto extends createZodDto(incidentPageSchema) {}
export class ReliabilityQueryDto extends createZodDto(reliabilityQuerySchema) {}
export class ReliabilityViewDto extends createZodDto(reliabilityViewSchema) {}
