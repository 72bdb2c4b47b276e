import { CheckOutcome } from '../check-run-result';

export const DEFAULT_RECHECK_DELAY_MS = 1_000;
/** Rechecks one host may take at once (burst), then at the refill rate. */
export const DEFAULT_RECHECK_HOST_BURST = 20;
export const DEFAULT_RECHECK_HOST_PER_SECOND = 10;

export interface RecheckPolicyOptions {
  /** Delay of a recheck after the result that asked for it; 0 turns rechecks off. */
  delayMs?: number;
  hostBurst?: number;
  hostPerSecond?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * When a run's result changes a check's side (failing <-> answering), the agent runs the check
 * once more at once instead of waiting a whole interval, so soft/hard confirmation takes seconds
 * (as Pingdom and Better Stack re-verify). Only regular runs ask: a recheck never asks for
 * another, so a flapping target cannot chain them. Unknown results (the probe could not tell)
 * change nothing. Rechecks are limited per host by a token bucket.
 */
export class RecheckPolicy {
  readonly delayMs: number;
  private readonly burst: number;
  private readonly perMs: number;
  private readonly lastFailing = new Map<number, boolean>();
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: RecheckPolicyOptions = {}) {
    this.delayMs = options.delayMs ?? DEFAULT_RECHECK_DELAY_MS;
    this.burst = options.hostBurst ?? DEFAULT_RECHECK_HOST_BURST;
    this.perMs = (options.hostPerSecond ?? DEFAULT_RECHECK_HOST_PER_SECOND) / 1000;
  }

  /**
   * Records a result; true when it asks for a recheck of the check (and the host allows one).
   * `mayAsk` is false for a result that was itself a recheck, and for checks never rechecked.
   */
  observe(checkId: number, host: string, outcome: CheckOutcome, mayAsk: boolean, now: number): boolean {
    if (outcome === CheckOutcome.Unknown) return false;
    const failing = outcome === CheckOutcome.Down;
    const before = this.lastFailing.get(checkId);
    this.lastFailing.set(checkId, failing);
    if (this.delayMs <= 0 || !mayAsk) return false;
    // A first failure asks even with nothing seen before (the agent may have just started).
    const changed = before === undefined ? failing : before !== failing;
    return changed && this.take(host, now);
  }

  /** Forgets checks no longer assigned. */
  retain(checkIds: ReadonlySet<number>): void {
    for (const id of this.lastFailing.keys()) if (!checkIds.has(id)) this.lastFailing.delete(id);
  }

  private take(host: string, now: number): boolean {
    const b = this.buckets.get(host) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    this.buckets.set(host, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
