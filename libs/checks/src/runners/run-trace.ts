import type { ConditionContext } from '../conditions/condition-context';
import {
  CheckOutcome,
  CheckRunResult,
  CheckSpec,
  CheckTimings,
  DnsDetails,
  HttpDetails,
  PickedHeaders,
  TcpDetails,
  TlsDetails,
} from '../check-run-result';
import { CheckFailure, RunAborted, starvedBy } from './check-failure';
import { classifyOutcome } from './outcome-classifier';
import { Settled } from './run-deadline';
import { runConditions } from './run-conditions';
import { classifyTransportError } from './transport-error-classifier';

/**
 * What a run has seen so far. Runners fill it as socket events arrive, so a run cut short by its
 * deadline still reports the phases it got through (e.g. connected, TLS done, no response).
 */
export class RunTrace {
  readonly startedAt = performance.now();
  timings: Omit<CheckTimings, 'totalMs'> & { totalMs?: number } = {};
  connected = false;
  ip?: string;
  statusCode?: number;
  tls?: TlsDetails;
  headers?: PickedHeaders;
  http?: HttpDetails;
  dns?: DnsDetails;
  tcp?: TcpDetails;
  /** Kind-specific facts for the conditions (body, headers, rcode, ...). */
  context: ConditionContext = {};
  /** A failure found after a complete exchange (unexpected status, bad rcode, invalid chain). */
  failure?: CheckFailure;
  degradedReason?: string;

  /** Milliseconds since the run started. */
  elapsed(): number {
    return performance.now() - this.startedAt;
  }

  /** Turns the trace and how the work settled into the stored result. */
  finish(spec: CheckSpec, settled: Settled<unknown>): CheckRunResult {
    const totalMs = round(this.timings.totalMs ?? this.elapsed());
    const timings: CheckTimings = { totalMs };
    for (const key of ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs'] as const) {
      const v = this.timings[key];
      if (v !== undefined) timings[key] = round(v);
    }
    const base: CheckRunResult = {
      outcome: CheckOutcome.Unknown,
      latencyMs: totalMs,
      timings,
      conditions: [],
    };
    if (this.statusCode !== undefined) base.statusCode = this.statusCode;
    if (this.ip) base.ip = this.ip;
    if (this.tls) base.tls = this.tls;
    if (this.headers) base.headers = this.headers;
    if (this.http) base.http = this.http;
    if (this.dns) base.dns = this.dns;
    if (this.tcp) base.tcp = this.tcp;

    if (!settled.ok && settled.error instanceof RunAborted) {
      return { ...base, outcome: CheckOutcome.Unknown, errorMessage: settled.error.message };
    }
    const starvedMs = settled.ok ? undefined : starvedBy(settled.error, spec.timeoutMs);
    if (starvedMs !== undefined) base.starvedMs = round(starvedMs);
    const failure = settled.ok ? this.failure : classifyTransportError(settled.error);
    const ctx: ConditionContext = {
      ...this.context,
      responseTimeMs: totalMs,
      connected: this.connected,
      // A kind may name a better [IP] (dns: the answer, not the resolver asked).
      ...(this.ip && this.context.ip === undefined ? { ip: this.ip } : {}),
    };
    // Conditions are evaluated even after a failure so the board can show which ones held.
    const conditions = runConditions(spec.conditions, ctx);
    const verdict = classifyOutcome({
      failure: failure ? { errorClass: failure.errorClass, message: failure.message } : undefined,
      conditions,
      latencyMs: totalMs,
      degradedMs: spec.thresholds?.degradedMs,
      degradedReason: this.degradedReason,
    });
    return { ...base, ...verdict, conditions };
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
