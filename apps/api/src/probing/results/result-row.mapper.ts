import type { ResultRecord } from '@kuzet/contracts';
import type { CheckResultRow } from '../../timeseries/check-result';

/** A protocol record as a check_results row: the planned time is the row's time. */
export function toCheckResultRow(record: ResultRecord): CheckResultRow {
  return {
    time: new Date(record.planned_at),
    checkId: record.check_id,
    region: record.region,
    outcome: record.outcome,
    latencyMs: record.latency_ms,
    statusCode: record.status_code,
    errorClass: record.error_class,
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
