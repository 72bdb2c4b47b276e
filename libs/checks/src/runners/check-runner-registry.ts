import { CheckOutcome, CheckRunResult, CheckSpec, NetworkCheckKind } from '../check-run-result';
import type { CheckRunner } from './check-runner';
import { DnsCheckRunner } from './dns-check.runner';
import { HttpCheckRunner } from './http-check.runner';
import { TcpCheckRunner } from './tcp-check.runner';
import { TlsCheckRunner } from './tls-check.runner';

/**
 * Picks the runner for a spec's kind. Heartbeat has no runner on purpose: nothing is polled, the
 * monitored system pushes to the API, and the API judges missing beats.
 */
export class CheckRunnerRegistry implements CheckRunner {
  private readonly runners: Record<NetworkCheckKind, CheckRunner>;

  constructor(runners: Partial<Record<NetworkCheckKind, CheckRunner>> = {}) {
    this.runners = {
      http: runners.http ?? new HttpCheckRunner(),
      tcp: runners.tcp ?? new TcpCheckRunner(),
      dns: runners.dns ?? new DnsCheckRunner(),
      tls: runners.tls ?? new TlsCheckRunner(),
    };
  }

  runnerFor(kind: string): CheckRunner | undefined {
    return Object.prototype.hasOwnProperty.call(this.runners, kind)
      ? this.runners[kind as NetworkCheckKind]
      : undefined;
  }

  async check(spec: CheckSpec, signal?: AbortSignal): Promise<CheckRunResult> {
    const runner = this.runnerFor(spec.kind);
    if (!runner) {
      return {
        outcome: CheckOutcome.Unknown,
        errorMessage: `no network runner for kind ${JSON.stringify(spec.kind)} (heartbeat checks are pushed, not polled)`,
        latencyMs: 0,
        timings: { totalMs: 0 },
        conditions: [],
      };
    }
    return runner.check(spec, signal);
  }
}
