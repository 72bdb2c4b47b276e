import type { CheckRunResult, CheckSpec } from '../check-run-result';

/** One check kind. `check` never rejects and settles within spec.timeoutMs plus a small slack. */
export interface CheckRunner {
  check(spec: CheckSpec, signal?: AbortSignal): Promise<CheckRunResult>;
}
