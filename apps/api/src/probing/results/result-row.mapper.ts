import { CheckOutcome, type ResultRecord } from '@kuzet/contracts';
import { describeFailure } from '@kuzet/detection';
import type { CheckResultRow } from '../../timeseries/check-result';

/**
 * A protocol record as a check_results row: the planned time is the row's time. A failure's
 * message becomes plain words for the incident cause (the message itself stays in the details).
 */
export function toCheckResultRow(record: ResultRecord): CheckResultRow {
  const troubled = record.outcome === CheckOutcome.Down || record.outcome === CheckOutcome.Degraded;
  return {
    time: new Date(record.planned_at),
    checkId: record.check_id,
    region: record.region,
    outcome: record.outcome,
    latencyMs: record.latency_ms,
    statusCode: record.status_code,
    errorClass: record.error_class,
    recheck: record.recheck === true,
    ...(troubled
      ? {
          failureWords: describeFailure({
            errorClass: record.error_class,
            statusCode: record.status_code,
            message: record.error_message ?? null,
            outcome: record.outcome,
          }),
        }
      : {}),
  };
}

/** The newest record of each (check, region) in a batch. */
export function latestPerCheckRegion(records: readonly ResultRecord[]): ResultRecord[] {
  const latest = new Map<string, ResultRecord>();
  for (const r of records) {
    const key = `${r.check_id}\u0000${r.region}`;
    const seen = latest.get(key);
    if (!seen || seen.planned_at < r.planned_at) latest.set(key, r);
  }
  return [...latest.values()];
}
