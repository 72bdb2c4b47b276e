import type { ConditionOutcome } from '../conditions/condition-context';
import { CheckOutcome, ErrorClass } from '../check-run-result';

export interface OutcomeInput {
  /** The transport/status failure, if the run had one; it wins over everything else. */
  failure?: { errorClass: ErrorClass; message: string };
  conditions: ConditionOutcome[];
  latencyMs: number;
  degradedMs?: number;
  /** A kind-specific reason to be Degraded although fast (e.g. a certificate close to expiry). */
  degradedReason?: string;
}

export interface OutcomeVerdict {
  outcome: CheckOutcome;
  errorClass?: ErrorClass;
  errorMessage?: string;
}

/**
 * The one place that turns what a run saw into an outcome, in order of severity: a failure
 * (transport, status) is Down with its class; a failing condition is Down 'assertion'; then
 * slowness or a kind's warning is Degraded (no error class: the run did not fail); else Up.
 */
export function classifyOutcome(input: OutcomeInput): OutcomeVerdict {
  if (input.failure) {
    return { outcome: CheckOutcome.Down, errorClass: input.failure.errorClass, errorMessage: input.failure.message };
  }
  const failed = input.conditions.filter((c) => !c.success);
  if (failed.length > 0) {
    const shown = failed
      .map((c) => (c.error ? `${c.condition} (${c.error})` : c.actual ? `${c.condition} (${c.actual})` : c.condition))
      .join('; ');
    return { outcome: CheckOutcome.Down, errorClass: 'assertion', errorMessage: `condition failed: ${shown}` };
  }
  if (input.degradedMs !== undefined && input.latencyMs > input.degradedMs) {
    return {
      outcome: CheckOutcome.Degraded,
      errorMessage: `latency ${Math.round(input.latencyMs)} ms over the ${input.degradedMs} ms threshold`,
    };
  }
  if (input.degradedReason) return { outcome: CheckOutcome.Degraded, errorMessage: input.degradedReason };
  return { outcome: CheckOutcome.Up };
}
