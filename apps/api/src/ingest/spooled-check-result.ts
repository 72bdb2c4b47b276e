import type { CheckOutcome, ErrorClass } from '../timeseries/check-outcome';
import type { CheckResultRow } from '../timeseries/check-result';

/** A check result as a spool line: a compact tuple (time as epoch ms). */
export type SpooledCheckResult = [
  timeMs: number,
  checkId: number,
  region: string,
  outcome: number,
  latencyMs: number | null,
  statusCode: number | null,
  errorClass: string | null,
  /** Absent in spools written before rechecks existed. */
  recheck?: boolean,
];

export function toSpooled(row: CheckResultRow): SpooledCheckResult {
  return [
    row.time.getTime(),
    row.checkId,
    row.region,
    row.outcome,
    row.latencyMs,
    row.statusCode,
    row.errorClass,
    row.recheck === true,
  ];
}

/** Back to a row; the result must still be validated (the file may have been tampered with). */
export function fromSpooled(item: SpooledCheckResult): CheckResultRow {
  const [timeMs, checkId, region, outcome, latencyMs, statusCode, errorClass, recheck] = Array.isArray(item)
    ? item
    : ([NaN, NaN, '', NaN, null, null, null] as SpooledCheckResult);
  return {
    time: new Date(timeMs),
    checkId,
    region,
    outcome: outcome as CheckOutcome,
    latencyMs,
    statusCode,
    errorClass: errorClass as ErrorClass | null,
    recheck: recheck === true,
  };
}
