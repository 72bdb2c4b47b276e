import type { CheckOutcome, ErrorClass } from './check-outcome';

/** One row of check_results: a check run in one region at its planned time. */
export interface CheckResultRow {
  /** The planned time of the run; with check and region, the idempotency key of the row. */
  time: Date;
  checkId: number;
  region: string;
  outcome: CheckOutcome;
  latencyMs: number | null;
  statusCode: number | null;
  errorClass: ErrorClass | null;
  /** An immediate re-verification off the check's grid (stored as check_results.recheck). */
  recheck?: boolean;
  /**
   * The failure in plain words (e.g. "connection refused", "NXDOMAIN"), from the probe's error
   * message, for incident causes. Not stored in check_results (result_details has the message).
   */
  failureWords?: string;
}
