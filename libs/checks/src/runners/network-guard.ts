import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AddressPolicy, NetworkGuard } from '../check-run-result';
import { CheckFailure } from './check-failure';
import { classifyTransportError } from './transport-error-classifier';

const allowAll: NetworkGuard = () => undefined;

/** Accepts a bare callback or a ProbeNetworkPolicy-shaped object and returns one callback. */
export function toNetworkGuard(guard: NetworkGuard | AddressPolicy | undefined): NetworkGuard {
  if (!guard) return allowAll;
  if (typeof guard === 'function') return guard;
  return (address) => {
    const verdict = guard.checkAddress(address);
    if (!verdict.allowed) throw new Error(verdict.reason ?? `${address} is not allowed`);
  };
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
  /** Time spent resolving; absent for a literal IP. */
  dnsMs?: number;
}

/**
 * Resolves a host once, judges the address with the guard, and hands back the IP that the caller
 * then connects to directly. Connecting to the checked IP (not the name again) is what stops a
 * DNS answer from changing between the check and the connect (DNS rebinding).
 */
export async function resolveGuarded(host: string, guard: NetworkGuard): Promise<ResolvedAddress> {
  const literal = resolveLiteral(host, guard);
  if (literal) return literal;
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let resolved: ResolvedAddress;
  const started = performance.now();
  try {
    const answer = await lookup(bare);
    resolved = { address: answer.address, family: answer.family as 4 | 6, dnsMs: performance.now() - started };
  } catch (error) {
    const failure = classifyTransportError(error);
    throw failure.errorClass === 'dns' ? failure : new CheckFailure('dns', `cannot resolve ${bare}: ${failure.message}`);
  }
  judge(resolved.address, guard);
  return resolved;
}

/**
 * The synchronous half of `resolveGuarded`: an IP literal needs no lookup, so it is judged and
 * returned at once (no promise, no tick). Undefined when `host` is a name to resolve.
 */
export function resolveLiteral(host: string, guard: NetworkGuard): ResolvedAddress | undefined {
  const bare = host.charCodeAt(0) === 91 /* [ */ && host.endsWith(']') ? host.slice(1, -1) : host;
  const family = isIP(bare);
  if (!family) return undefined;
  judge(bare, guard);
  return { address: bare, family: family as 4 | 6 };
}

function judge(address: string, guard: NetworkGuard): void {
  try {
    guard(address);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    // 'connect': the target could not be reached from this probe; the message says it was policy.
    throw new CheckFailure('connect', `refused by the probe network policy, nothing was connected: ${why}`);
  }
}

/** Splits "host:port" / "[v6]:port"; the port is required. */
export function parseHostPort(target: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(target) ?? /^([^:]+):(\d+)$/.exec(target);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CheckFailure('connect', `target ${JSON.stringify(target)} is not host:port`);
  }
  return { host: m[1], port };
}
