import { z } from 'zod';
import { catalogCodeSchema } from './catalog-code';
import { durationSchema, tryParseDuration } from './duration';
import { expected } from './schema-messages';

// An agency's notification policy (`notifications:` in its YAML): who hears about which incident,
// how alerts are grouped (Alertmanager's group_wait / group_interval / repeat_interval) and who is
// told next when nobody acknowledges. Contacts are the agency's `contacts`, named by `name`.

export const ALERT_LANGUAGES = ['kk', 'ru', 'en'] as const;
export const alertLanguageSchema = z.enum(ALERT_LANGUAGES, { error: 'expected one of kk, ru, en' });

export const ALERT_SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export const alertSeveritySchema = z.enum(ALERT_SEVERITIES, { error: 'expected one of sev1, sev2, sev3, sev4' });
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM (Asia/Almaty)');

/** Non-critical alerts (all but SEV1) to this contact wait until the end of these hours. */
export const quietHoursSchema = z.strictObject({ from: clockTime, to: clockTime });
export type QuietHours = z.infer<typeof quietHoursSchema>;

const contactNames = z.array(catalogCodeSchema).min(1).max(50);

/** Narrows the recipients of matching incidents, or mutes them. */
export const notificationOverrideSchema = z.strictObject({
  /** Only these contacts (by name); default: all of the agency's contacts. */
  contacts: contactNames.optional(),
  mute: z.boolean().default(false),
});
export type NotificationOverride = z.output<typeof notificationOverrideSchema>;

export const escalationLevelSchema = z.strictObject({
  /** Time since the alert after which this level is told, if still unacknowledged. */
  after: durationSchema,
  contacts: contactNames,
});
export type EscalationLevel = z.output<typeof escalationLevelSchema>;

export const DEFAULT_GROUP_WAIT_S = 30;
export const DEFAULT_GROUP_INTERVAL_S = 300;
export const DEFAULT_REPEAT_INTERVAL_S = 4 * 3600;

const DURATION_HINT = 'expected a duration such as 500ms, 30s, 5m, 1h or a number of seconds';
/** A duration that may be 0 (send at once). */
const groupTime = z
  .union([z.number(), z.string()], { error: expected(DURATION_HINT) })
  .transform((v, ctx) => {
    const s = tryParseDuration(v);
    if (s === undefined) {
      ctx.addIssue({ code: 'custom', message: DURATION_HINT });
      return z.NEVER;
    }
    return s;
  });

export const notificationPolicySchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Wait this long after a group's first alert to collect others into the same message. */
  group_wait: groupTime.default(DEFAULT_GROUP_WAIT_S),
  /** Wait this long before telling a group's recipients about alerts added to it. */
  group_interval: groupTime.default(DEFAULT_GROUP_INTERVAL_S),
  /** Remind of still-unresolved alerts this often. */
  repeat_interval: durationSchema.default(DEFAULT_REPEAT_INTERVAL_S),
  /** Incidents less severe than this are not alerted. */
  min_severity: alertSeveritySchema.default('sev4'),
  severities: z.partialRecord(alertSeveritySchema, notificationOverrideSchema).default({}),
  /** Per system code; wins over the severity override. */
  systems: z.record(catalogCodeSchema, notificationOverrideSchema).default({}),
  escalation: z
    .array(escalationLevelSchema)
    .max(5)
    .default([])
    .superRefine((levels, ctx) => {
      for (let i = 1; i < levels.length; i++)
        if (levels[i].after <= levels[i - 1].after)
          ctx.addIssue({ code: 'custom', path: [i, 'after'], message: 'must be later than the previous level' });
    }),
});
export type NotificationPolicyInput = z.input<typeof notificationPolicySchema>;
export type NotificationPolicy = z.output<typeof notificationPolicySchema>;

/** The policy of an agency whose YAML has no `notifications:`. */
export const DEFAULT_NOTIFICATION_POLICY: NotificationPolicy = notificationPolicySchema.parse({});
