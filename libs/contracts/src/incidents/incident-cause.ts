import type { CheckOutcome, ErrorClass } from '../checks/check-outcome';

/** Why an incident's system fails, as the detector saw it when it confirmed the failure. */
export type IncidentFailureKind = 'outage' | 'degraded' | 'flapping';

import type { CheckRoleName } from '../catalog/catalog-enums';

/** A check's role: primary checks decide a system's status, diagnostic ones only explain or degrade it. */
export type CheckRole = CheckRoleName;

/**
 * One failing check in an incident's cause. `error` is the first error in plain (English) words,
 * e.g. "HTTP 503", "connection refused", "timeout after 10 s", "NXDOMAIN", "certificate expired";
 * never a target URL, an address or a secret. `errorClass` and `httpStatus` let templates translate it.
 */
export interface IncidentCauseCheck {
  checkId: number;
  checkCode: string;
  checkType: string;
  role: CheckRole;
  outcome: CheckOutcome;
  regions: string[];
  errorClass: ErrorClass | null;
  httpStatus: number | null;
  error: string;
  /** Planned time (ms since epoch) of the first failing result of this check. */
  firstFailureAt: number;
}

export interface IncidentCause {
  checks: IncidentCauseCheck[];
}
