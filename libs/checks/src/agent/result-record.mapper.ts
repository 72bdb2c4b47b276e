import type { ResultRecord } from '@kuzet/contracts';
import { CheckOutcome, CheckRunResult } from '../check-run-result';

const MAX_MESSAGE = 500;
const MAX_CONDITION_TEXT = 1000;
const MAX_ACTUAL = 200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface ResultContext {
  checkId: number;
  region: string;
  plannedAt: number;
  /** The agent's own network is down (every canary failed): a Down becomes Unknown. */
  networkDown?: boolean;
  /** The run was an immediate recheck, off the check's grid. */
  recheck?: boolean;
}

/** One runner result as the protocol's ResultRecord (planned_at is the scheduler's slot). */
export function toResultRecord(result: CheckRunResult, ctx: ResultContext): ResultRecord {
  const suppressed = ctx.networkDown === true && result.outcome === CheckOutcome.Down;
  const details: Record<string, unknown> = { timings: result.timings };
  if (result.ip) details.ip = result.ip;
  if (result.tls) details.tls = result.tls;
  if (result.headers && Object.keys(result.headers).length > 0) details.headers = result.headers;
  if (result.http) details.http = result.http;
  if (result.dns) details.dns = result.dns;
  if (result.tcp) details.tcp = result.tcp;
  if (suppressed) details.probe_network_down = true;
  return {
    check_id: ctx.checkId,
    region: ctx.region,
    planned_at: Math.round(ctx.plannedAt),
    outcome: suppressed ? CheckOutcome.Unknown : result.outcome,
    latency_ms: Number.isFinite(result.latencyMs) && result.latencyMs >= 0 ? result.latencyMs : null,
    status_code:
      result.statusCode !== undefined && Number.isInteger(result.statusCode) && result.statusCode >= 0 && result.statusCode <= 999
        ? result.statusCode
        : null,
    error_class: result.errorClass ?? null,
    error_message: result.errorMessage ? clip(result.errorMessage, MAX_MESSAGE) : null,
    conditions: result.conditions.slice(0, 50).map((c) => ({
      condition: clip(c.condition, MAX_CONDITION_TEXT),
      success: c.success,
      ...(c.actual !== undefined ? { actual: clip(c.actual, MAX_ACTUAL) } : {}),
      ...(c.error !== undefined ? { error: clip(c.error, MAX_MESSAGE) } : {}),
    })),
    details,
    ...(ctx.recheck ? { recheck: true } : {}),
  };
}
