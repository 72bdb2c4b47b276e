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
}
