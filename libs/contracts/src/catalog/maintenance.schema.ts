import { z } from 'zod';
import { localDateTimeToUtc, isValidTimeZone, parseLocalDateTime } from '../time/zoned-time';
import { catalogCodeSchema } from './catalog-code';
import { durationSchema } from './duration';
import { localizedTextSchema } from './localized-text.schema';
import { parseRecurrenceRule } from './recurrence';
import { expected } from './schema-messages';

export const DEFAULT_MAINTENANCE_TIMEZONE = 'Asia/Almaty';

const localDateTime = z
  .string({ error: expected('expected a local date-time such as "2026-12-01T01:00"') })
  .refine(
    (v) => parseLocalDateTime(v) !== undefined,
    'expected a local date-time YYYY-MM-DDTHH:MM[:SS] without an offset (the timezone field gives the zone)',
  );

const maintenanceFields = {
  title: localizedTextSchema,
  systems: z
    .array(catalogCodeSchema)
    .min(1, 'list at least one system')
    .max(500)
    .refine((s) => new Set(s).size === s.length, 'systems must not repeat'),
  timezone: z.string().refine(isValidTimeZone, 'expected an IANA time zone such as Asia/Almaty'),
  starts_at: localDateTime,
  ends_at: localDateTime,
  recurrence: z.string().superRefine((v, ctx) => {
    const parsed = parseRecurrenceRule(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `not a supported RRULE: ${parsed.message}` });
  }),
  start_time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time HH:MM, e.g. "02:00"'),
  duration: durationSchema,
  enabled: z.boolean(),
};

export const maintenanceDocumentSchema = z
  .strictObject({
    code: catalogCodeSchema,
    title: maintenanceFields.title,
    systems: maintenanceFields.systems,
    timezone: maintenanceFields.timezone.default(DEFAULT_MAINTENANCE_TIMEZONE),
    starts_at: maintenanceFields.starts_at.optional(),
    ends_at: maintenanceFields.ends_at.optional(),
    recurrence: maintenanceFields.recurrence.optional(),
    start_time: maintenanceFields.start_time.optional(),
    duration: maintenanceFields.duration.optional(),
    enabled: maintenanceFields.enabled.default(true),
  })
  .superRefine((w, ctx) => {
    const oneOff = w.starts_at !== undefined || w.ends_at !== undefined;
    const recurring = w.recurrence !== undefined || w.start_time !== undefined || w.duration !== undefined;
    const required = (field: string) => ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    if (oneOff && recurring) {
      ctx.addIssue({
        code: 'custom',
        path: [
          w.recurrence !== undefined ? 'recurrence' : w.start_time !== undefined ? 'start_time' : 'duration',
        ],
        message:
          'a window is either one-off (starts_at, ends_at) or recurring (recurrence, start_time, duration), not both',
      });
      return;
    }
    if (!oneOff && !recurring) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'give starts_at and ends_at (one-off) or recurrence, start_time and duration (recurring)',
      });
      return;
    }
    if (recurring) {
      if (w.recurrence === undefined) required('recurrence');
      if (w.start_time === undefined) required('start_time');
      if (w.duration === undefined) required('duration');
      return;
    }
    if (w.starts_at === undefined) required('starts_at');
    if (w.ends_at === undefined) required('ends_at');
    if (w.starts_at === undefined || w.ends_at === undefined) return;
    const start = localDateTimeToUtc(w.starts_at, w.timezone);
    const end = localDateTimeToUtc(w.ends_at, w.timezone);
    for (const [field, r] of [
      ['starts_at', start],
      ['ends_at', end],
    ] as const) {
      if (!r.ok && r.reason === 'nonexistent') {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `this local time does not exist in ${w.timezone} (clock change)`,
        });
      }
    }
    if (start.ok && end.ok && end.utc.getTime() <= start.utc.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['ends_at'], message: 'must be after starts_at' });
    }
  });
export type MaintenanceDocumentInput = z.input<typeof maintenanceDocumentSchema>;
export type MaintenanceDocument = z.output<typeof maintenanceDocumentSchema>;

/** A REST PATCH: any field but the code; null clears a field (to switch between one-off and recurring). */
export const maintenancePatchSchema = z.strictObject({
  title: maintenanceFields.title.optional(),
  systems: maintenanceFields.systems.optional(),
  timezone: maintenanceFields.timezone.optional(),
  starts_at: maintenanceFields.starts_at.nullable().optional(),
  ends_at: maintenanceFields.ends_at.nullable().optional(),
  recurrence: maintenanceFields.recurrence.nullable().optional(),
  start_time: maintenanceFields.start_time.nullable().optional(),
  duration: maintenanceFields.duration.nullable().optional(),
  enabled: maintenanceFields.enabled.optional(),
});
export type MaintenancePatch = z.output<typeof maintenancePatchSchema>;

/** The stored form of a window: one-off times as UTC instants, recurring ones as rule + local time. */
export interface ResolvedMaintenanceWindow {
  startsAt: Date | null;
  endsAt: Date | null;
  recurrence: string | null;
  startTime: string | null;
  durationS: number | null;
}

/** Resolves a validated window document; throws only on a document the schema would refuse. */
export function resolveMaintenanceWindow(w: MaintenanceDocument): ResolvedMaintenanceWindow {
  if (w.starts_at !== undefined && w.ends_at !== undefined) {
    const start = localDateTimeToUtc(w.starts_at, w.timezone);
    const end = localDateTimeToUtc(w.ends_at, w.timezone);
    if (!start.ok || !end.ok) throw new RangeError(`unresolvable window ${w.code}`);
    return { startsAt: start.utc, endsAt: end.utc, recurrence: null, startTime: null, durationS: null };
  }
  return {
    startsAt: null,
    endsAt: null,
    recurrence: w.recurrence ?? null,
    startTime: w.start_time ?? null,
    durationS: w.duration ?? null,
  };
}
