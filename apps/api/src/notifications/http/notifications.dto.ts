import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const notificationIdSchema = z.strictObject({
  id: z.string().regex(/^[1-9]\d{0,15}$/, 'expected a positive whole number'),
});

export const deadLettersQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const timestamp = z.string().describe('ISO 8601 instant (UTC)');

/** One notification in the delivery log: who was told what, when, over which channel, and the outcome. */
export const deliveryLogEntrySchema = z.object({
  id: z.number(),
  idempotency_key: z.string(),
  agency_id: z.number(),
  kind: z.enum(['firing', 'resolved', 'escalation', 'informational', 'repeat', 'endpoint_disabled']),
  level: z.number(),
  incident_ids: z.array(z.number()),
  channel: z.enum(['email', 'webhook', 'telegram']),
  recipient: z.string().describe('e-mail address, Telegram chat id, or the origin of a webhook URL'),
  language: z.enum(['kk', 'ru', 'en']),
  subject: z.string(),
  state: z.enum(['pending', 'sending', 'sent', 'failed', 'dead']),
  attempts: z.number(),
  last_error: z.string().nullable(),
  created_at: timestamp,
  next_attempt_at: timestamp,
  sent_at: timestamp.nullable(),
});
export type DeliveryLogEntry = z.infer<typeof deliveryLogEntrySchema>;

export class NotificationIdDto extends createZodDto(notificationIdSchema) {}
export class DeadLettersQueryDto extends createZodDto(deadLettersQuerySchema) {}
export class DeliveryLogEntryDto extends createZodDto(deliveryLogEntrySchema) {}
export class DeliveryLogDto extends createZodDto(z.array(deliveryLogEntrySchema)) {}
