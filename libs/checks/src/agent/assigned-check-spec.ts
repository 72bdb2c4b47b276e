import type { AssignedCheck } from '@kuzet/contracts';
import type { CheckOptions, CheckSpec, NetworkGuard, AddressPolicy } from '../check-run-result';
import type { ScheduledCheck } from '../scheduler/scheduler.types';

/** Kinds an agent polls; heartbeat checks are pushed to the API and judged there. */
export const AGENT_KINDS: ReadonlySet<string> = new Set(['http', 'tcp', 'dns', 'tls']);

export function isAgentRunnable(check: AssignedCheck): boolean {
  return AGENT_KINDS.has(check.kind) && typeof check.target === 'string' && check.target.length > 0;
}

/**
 * The concurrency group of a check: the host it talks to (URL host for http, host of host:port for
 * tcp/tls, the resolver's host for dns, else the name). Unparseable targets group by themselves.
 */
/**
 * The endpoint a check talks to (host and port), the key of the scheduler's per-endpoint
 * concurrency limit and of the recheck rate limit. The port is part of it: one address often
 * serves several services, and a service that hangs must not hold the slots of its neighbours
 * (with a per-address key, 20 hung services on one address starved every other check there).
 */
export function hostOfCheck(check: Pick<AssignedCheck, 'kind' | 'target' | 'options'>): string {
  const target = check.target ?? '';
  if (check.kind === 'http') {
    try {
      return new URL(target).host || target;
    } catch {
      return target;
    }
  }
  if (check.kind === 'dns') {
    const resolver = check.options.resolver;
    return typeof resolver === 'string' ? resolver : target;
  }
  return target;
}

export function toScheduledCheck(check: AssignedCheck): ScheduledCheck {
  return {
    id: check.id,
    key: check.key,
    intervalMs: check.interval_ms,
    timeoutMs: check.timeout_ms,
    host: hostOfCheck(check),
    payload: check,
  };
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function toCheckSpec(check: AssignedCheck, networkGuard?: NetworkGuard | AddressPolicy): CheckSpec {
  return {
    kind: check.kind,
    target: check.target ?? '',
    timeoutMs: check.timeout_ms,
    conditions: check.conditions,
    thresholds: { degradedMs: numberOr(check.thresholds.degraded_ms) },
    options: check.options as CheckOptions,
    networkGuard,
  };
}
