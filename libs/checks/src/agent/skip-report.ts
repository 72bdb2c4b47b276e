import type { ScheduledCheck, SchedulerClock, SkipReason, TimerHandle } from '../scheduler/scheduler.types';
import type { AgentLogger } from './agent-logger';

export const DEFAULT_SKIP_REPORT_INTERVAL_MS = 10_000;
/** Checks named in one report line, most skipped first. */
export const SKIP_REPORT_TOP_CHECKS = 10;

export type SkipCounts = Record<SkipReason, number>;

export interface SkipReportOptions {
  clock: SchedulerClock;
  logger: AgentLogger;
  agentId: string;
  /** One line per this interval while runs are skipped (default 10 s). */
  intervalMs?: number;
}

export interface SkipReportLine {
  event: 'agent.runs_skipped';
  agent: string;
  interval_s: number;
  total: number;
  by_reason: SkipCounts;
  /** The most skipped checks of the interval (key and count), at most SKIP_REPORT_TOP_CHECKS. */
  top_checks: { check: string; skipped: number }[];
  /** Distinct checks skipped at least once in the interval. */
  checks: number;
}

export function emptySkipCounts(): SkipCounts {
  return { overlap: 0, missed: 0, expired: 0, starved: 0 };
}

/**
 * Skipped runs, counted per reason and per check, totals kept for the agent's lifetime, and
 * logged as ONE line per interval (counts per reason, the most skipped checks), never one per
 * run: under overload thousands of runs a second are skipped. Memory is bounded by the number of
 * checks (the per-check map is emptied at each report).
 */
export class SkipReport {
  private readonly intervalMs: number;
  private readonly totals = emptySkipCounts();
  private interval = emptySkipCounts();
  private intervalTotal = 0;
  private byCheck = new Map<string, number>();
  private timer: TimerHandle | undefined;
  private since: number;

  constructor(private readonly options: SkipReportOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_SKIP_REPORT_INTERVAL_MS;
    this.since = options.clock.now();
  }

  record(check: ScheduledCheck, reason: SkipReason): void {
    this.totals[reason]++;
    this.interval[reason]++;
    this.intervalTotal++;
    this.byCheck.set(check.key, (this.byCheck.get(check.key) ?? 0) + 1);
    // The timer runs only while there is something to report.
    if (this.timer === undefined) this.timer = this.options.clock.setTimer(() => this.report(), this.intervalMs);
  }

  /** Skipped runs per reason since construction. */
  counts(): SkipCounts {
    return { ...this.totals };
  }

  /** Logs the interval's line now (when anything was skipped) and starts a new interval. */
  report(): SkipReportLine | undefined {
    if (this.timer !== undefined) this.options.clock.clearTimer(this.timer);
    this.timer = undefined;
    const now = this.options.clock.now();
    if (this.intervalTotal === 0) {
      this.since = now;
      return undefined;
    }
    const top = [...this.byCheck]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, SKIP_REPORT_TOP_CHECKS)
      .map(([check, skipped]) => ({ check, skipped }));
    const line: SkipReportLine = {
      event: 'agent.runs_skipped',
      agent: this.options.agentId,
      interval_s: Math.round((now - this.since) / 100) / 10,
      total: this.intervalTotal,
      by_reason: this.interval,
      top_checks: top,
      checks: this.byCheck.size,
    };
    this.options.logger.warn(line, 'runs skipped: the probe could not run them in time');
    this.interval = emptySkipCounts();
    this.intervalTotal = 0;
    this.byCheck = new Map();
    this.since = now;
    return line;
  }

  /** Reports what is left and stops the timer. */
  stop(): void {
    this.report();
  }
}
