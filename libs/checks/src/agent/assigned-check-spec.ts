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
export function hostOfCheck(check: Pick<AssignedCheck, 'kind' | 'target' | 'options'>): string {
  const target = check.target ?? '';
  if (check.kind === 'http') {
    try {
      return new URL(target).hostname || target;
    } catch {
      return target;
    }
  }
  if (check.kind === 'dns') {
    const resolver = check.options.resolver;
    return typeof resolver === 'string' ? hostOfHostPort(resolver) : target;
  }
  return hostOfHostPort(target);
}

function hostOfHostPort(value: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(value) ?? /^([^:]+)(?::\d+)?$/.exec(value);
  return m ? m[1] : value;
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
