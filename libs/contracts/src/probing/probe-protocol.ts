import { z } from 'zod';
import { CHECK_OUTCOMES, ERROR_CLASSES } from '../checks/check-outcome';
import { CHECK_KINDS, CHECK_ROLES } from '../catalog/catalog-enums';

/**
 * The protocol between the API and probe agents (remote ones over HTTP, the embedded one in
 * process). Agents authenticate with a bearer token bound to a region.
 *
 *   GET  /api/probe/v1/assignments?agent=<id>&revision=<r>   long-poll: answers at once when the
 *        agent's assignment differs from <r>, else after up to `wait_s`; each poll is the agent's
 *        heartbeat (an agent silent for `agent_ttl_s` loses its checks to the others).
 *   POST /api/probe/v1/results                              a ResultBatch; idempotent by batch_id
 *        and by (check_id, region, planned_at). Only results of checks assigned to the token's
 *        region, planned between the replay horizon and now plus a clock-skew allowance, are
 *        stored; the rest are counted by reason in the ack.
 */
export const assignedCheckSchema = z.object({
  id: z.number().int().positive(),
  /** "<system>/<check>", stable across reloads; the scheduler's phase is derived from it. */
  key: z.string().min(3).max(200),
  kind: z.enum(CHECK_KINDS),
  /** Primary or diagnostic (absent from older servers: the kind's default). Only primary checks are rechecked. */
  role: z.enum(CHECK_ROLES).optional(),
  target: z.string().max(2048).nullable(),
  interval_ms: z.number().int().positive(),
  timeout_ms: z.number().int().positive(),
  conditions: z.array(z.string().max(1000)).max(50),
  thresholds: z.record(z.string(), z.unknown()),
  options: z.record(z.string(), z.unknown()),
});
export type AssignedCheck = z.infer<typeof assignedCheckSchema>;

export const assignmentSchema = z.object({
  /** Opaque; changes whenever this agent's set of checks or any of them changes. */
  revision: z.string(),
  region: z.string(),
  agent_id: z.string(),
  checks: z.array(assignedCheckSchema),
  /** Probe network policy: CIDRs allowed besides public addresses. */
  probe_allow: z.array(z.string()),
  /** Canary targets (URLs or host:port); when all fail, the agent reports `unknown`. */
  canaries: z.array(z.string()),
  agent_ttl_s: z.number().int().positive(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** A check of an assignment an agent could not read, and why. */
export interface RefusedCheck {
  index: number;
  id?: number;
  problem: string;
}

const assignmentEnvelopeSchema = assignmentSchema.extend({ checks: z.array(z.unknown()) });

/**
 * Reads an assignment check by check: a malformed check (e.g. an interval that JSON carried as
 * null) is left out and named, the others are kept. A malformed envelope still throws (ZodError).
 */
export function parseAssignment(body: unknown): { assignment: Assignment; refused: RefusedCheck[] } {
  const envelope = assignmentEnvelopeSchema.parse(body);
  const checks: AssignedCheck[] = [];
  const refused: RefusedCheck[] = [];
  envelope.checks.forEach((raw, index) => {
    const parsed = assignedCheckSchema.safeParse(raw);
    if (parsed.success) {
      checks.push(parsed.data);
      return;
    }
    const id = (raw as { id?: unknown } | null)?.id;
    const issue = parsed.error.issues[0];
    refused.push({
      index,
      ...(typeof id === 'number' ? { id } : {}),
      problem: `${issue.path.join('.') || 'check'}: ${issue.message}`,
    });
  });
  return { assignment: { ...envelope, checks }, refused };
}

export const conditionOutcomeSchema = z.object({
  condition: z.string().max(1000),
  success: z.boolean(),
  actual: z.string().max(200).optional(),
  error: z.string().max(500).optional(),
});

export const resultRecordSchema = z.object({
  check_id: z.number().int().positive(),
  region: z.string().min(1).max(64),
  /** The planned start of the run, epoch milliseconds; with check and region, the row's key. */
  planned_at: z.number().int().positive(),
  outcome: z.union(CHECK_OUTCOMES.map((o) => z.literal(o)) as [z.ZodLiteral<0>, z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]),
  latency_ms: z.number().nonnegative().nullable(),
  status_code: z.number().int().min(0).max(999).nullable(),
  error_class: z.enum(ERROR_CLASSES).nullable(),
  error_message: z.string().max(500).nullable().optional(),
  conditions: z.array(conditionOutcomeSchema).max(50).optional(),
  /** Timings, TLS and header details of the run (kept for the latest run and for failures). */
  details: z.record(z.string(), z.unknown()).optional(),
  /** An immediate re-verification of a changed result, off the check's regular schedule. */
  recheck: z.boolean().optional(),
});
export type ResultRecord = z.infer<typeof resultRecordSchema>;

export const MAX_RESULTS_PER_BATCH = 5000;

export const resultBatchSchema = z.object({
  /** Idempotency key: a replayed batch (after a spool) is acknowledged, never counted twice. */
  batch_id: z.string().min(8).max(100),
  agent_id: z.string().min(1).max(100),
  results: z.array(resultRecordSchema).max(MAX_RESULTS_PER_BATCH),
});
export type ResultBatch = z.infer<typeof resultBatchSchema>;

export const resultBatchAckSchema = z.object({
  batch_id: z.string(),
  /** Results stored (in the database or the API's disk spool); a slot already stored counts too. */
  accepted: z.number().int(),
  /** All results of a batch id acknowledged before (a replay). */
  duplicates: z.number().int(),
  /**
   * Results not stored, by reason: planned_in_future, too_old (past the replay horizon),
   * unknown_check, region_not_assigned, invalid, database. Absent from older servers.
   */
  rejected: z.record(z.string(), z.number().int()).optional(),
});
export type ResultBatchAck = z.infer<typeof resultBatchAckSchema>;
