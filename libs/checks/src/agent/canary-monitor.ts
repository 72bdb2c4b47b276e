import { CheckOutcome, CheckSpec } from '../check-run-result';
import type { CheckRunner } from '../runners/check-runner';
import type { SchedulerClock, TimerHandle } from '../scheduler/scheduler.types';
import type { AgentLogger } from './agent-logger';

export interface CanaryMonitorOptions {
  /** Runners used for canaries: URLs go to http, host:port to tcp. */
  http: CheckRunner;
  tcp: CheckRunner;
  clock: SchedulerClock;
  logger: AgentLogger;
  /** Default 10 000 ms. */
  intervalMs?: number;
  /** Per canary; default 3 000 ms. */
  timeoutMs?: number;
}

/** A canary target as a run spec: a URL is an http check, anything else a tcp host:port. */
export function canarySpec(target: string, timeoutMs: number): CheckSpec {
  const isUrl = /^https?:\/\//i.test(target);
  return { kind: isUrl ? 'http' : 'tcp', target, timeoutMs, conditions: [], thresholds: {}, options: {} };
}

/**
 * Watches the agent's own network: every interval all canaries are tried; when every one fails the
 * agent is "network down" until a round has at least one success. No canaries = never down.
 */
export class CanaryMonitor {
  private canaries: string[] = [];
  private timer: TimerHandle | undefined;
  private running = false;
  private down = false;
  private round: Promise<void> | undefined;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: CanaryMonitorOptions) {
    this.intervalMs = options.intervalMs ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  get networkDown(): boolean {
    return this.down;
  }

  setCanaries(canaries: readonly string[]): void {
    const next = [...canaries].sort();
    if (next.join('\n') === this.canaries.join('\n')) return;
    this.canaries = next;
    if (next.length === 0) this.setDown(false, 0);
    else if (this.running) void this.checkNow();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.checkNow();
    this.arm();
  }

  stop(): Promise<void> {
    this.running = false;
    if (this.timer !== undefined) this.options.clock.clearTimer(this.timer);
    this.timer = undefined;
    return this.round ?? Promise.resolve();
  }

  /** One round now (tests call it directly); concurrent calls share the round in flight. */
  checkNow(): Promise<void> {
    this.round ??= this.runRound().finally(() => (this.round = undefined));
    return this.round;
  }

  private arm(): void {
    this.timer = this.options.clock.setTimer(() => {
      if (!this.running) return;
      void this.checkNow();
      this.arm();
    }, this.intervalMs);
  }

  private async runRound(): Promise<void> {
    const canaries = this.canaries;
    if (canaries.length === 0) return;
    const results = await Promise.all(
      canaries.map((target) => {
        const spec = canarySpec(target, this.timeoutMs);
        const runner = spec.kind === 'http' ? this.options.http : this.options.tcp;
        return runner.check(spec).catch(() => ({ outcome: CheckOutcome.Down }));
      }),
    );
    // A canary timed out only because the probe's loop was starved: the round tells nothing.
    if (results.some((r) => 'starvedMs' in r && r.starvedMs !== undefined)) return;
    const failed = results.filter((r) => r.outcome === CheckOutcome.Down || r.outcome === CheckOutcome.Unknown).length;
    this.setDown(failed === canaries.length, canaries.length);
  }

  private setDown(down: boolean, canaries: number): void {
    if (down === this.down) return;
    this.down = down;
    if (down) {
      this.options.logger.warn(
        { event: 'agent.network_down', canaries },
        'every canary failed: the probe reports down results as unknown',
      );
    } else {
      this.options.logger.info({ event: 'agent.network_up', canaries }, 'canaries reachable again');
    }
  }
}
