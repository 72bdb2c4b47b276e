import { Injectable } from '@nestjs/common';
import { CheckOutcome } from '@kuzet/contracts';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from '../../metrics/metrics-registry.service';
import { SKIP_REASONS, type SkipCounts } from '@kuzet/checks';
import type { Plan } from '../assignment/assignment-plan';
import { ProbeLoad, ProbeLoadWindow } from './probe-load-window';

const OUTCOME_NAMES: Record<CheckOutcome, string> = {
  [CheckOutcome.Up]: 'up',
  [CheckOutcome.Degraded]: 'degraded',
  [CheckOutcome.Down]: 'down',
  [CheckOutcome.Unknown]: 'unknown',
};

/** Prometheus metrics of probing: agents, assignment sizes, schedule lag, results received. */
@Injectable()
export class ProbingMetrics {
  readonly agentsLive: Gauge<'region'>;
  readonly assignedChecks: Gauge<'region' | 'agent'>;
  readonly scheduleLag: Histogram;
  readonly resultsReceived: Counter<'region' | 'source'>;
  readonly duplicateBatches: Counter;
  readonly checksRefused: Counter<'where'>;
  readonly resultsRejected: Counter<'reason'>;
  readonly resultLag: Histogram<'region'>;
  readonly checkResults: Counter<'region' | 'outcome'>;
  readonly runsSkipped: Counter<'reason'>;
  readonly embeddedRestarts: Counter;
  readonly embeddedHeapBytes: Gauge;
  private readonly load = new ProbeLoadWindow();

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.agentsLive = new Gauge({ name: 'kuzet_probe_agents_live', help: 'Live remote probe agents by region', labelNames: ['region'], registers });
    this.assignedChecks = new Gauge({
      name: 'kuzet_probe_assigned_checks',
      help: 'Checks assigned to each agent (embedded included)',
      labelNames: ['region', 'agent'],
      registers,
    });
    this.scheduleLag = new Histogram({
      name: 'kuzet_probe_schedule_lag_seconds',
      help: 'Embedded agent: actual start minus planned start of each run',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers,
    });
    this.resultsReceived = new Counter({
      name: 'kuzet_probe_results_received_total',
      help: 'Check results received from agents',
      labelNames: ['region', 'source'],
      registers,
    });
    this.duplicateBatches = new Counter({
      name: 'kuzet_probe_duplicate_batches_total',
      help: 'Result batches acknowledged as replays',
      registers,
    });
    this.resultsRejected = new Counter({
      name: 'kuzet_probe_results_rejected_total',
      help: 'Pushed results not stored, by reason (planned_in_future, too_old, unknown_check, region_not_assigned, invalid, database)',
      labelNames: ['reason'],
      registers,
    });
    this.resultLag = new Histogram({
      name: 'kuzet_probe_result_lag_seconds',
      help: 'From the planned start of a run to its result being received by the API, by region (remote and embedded agents)',
      labelNames: ['region'],
      buckets: [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 900],
      registers,
    });
    this.checkResults = new Counter({
      name: 'kuzet_check_results_total',
      help: 'Admitted check results by region and outcome (up, degraded, down, unknown)',
      labelNames: ['region', 'outcome'],
      registers,
    });
    this.runsSkipped = new Counter({
      name: 'kuzet_probe_runs_skipped_total',
      help: 'Embedded agent: planned runs not run or not stored, by reason (overlap, missed, expired, starved): the probe could not run them in time',
      labelNames: ['reason'],
      registers,
    });
    // Every reason from the start at 0, so rate() and the bench see a series before the first skip.
    for (const reason of SKIP_REASONS) this.runsSkipped.inc({ reason }, 0);
    this.embeddedRestarts = new Counter({
      name: 'kuzet_probe_embedded_restarts_total',
      help: "Embedded agent worker thread restarts after it exited or crashed",
      registers,
    });
    this.embeddedHeapBytes = new Gauge({
      name: 'kuzet_probe_embedded_heap_bytes',
      help: "The embedded agent worker thread's V8 heap (kind: used, total), as of its last report",
      labelNames: ['kind'],
      registers,
    });
    this.checksRefused = new Counter({
      name: 'kuzet_probe_checks_refused_total',
      help: 'Checks left out of assignments (where=assignment) or refused by the embedded agent (where=embedded): interval or timeout out of bounds',
      labelNames: ['where'],
      registers,
    });
  }

  /** Lag and outcome of admitted results, received at `now` (epoch ms). */
  observeAdmitted(records: readonly { region: string; planned_at: number; outcome: CheckOutcome }[], now: number): void {
    for (const r of records) {
      this.resultLag.observe({ region: r.region }, Math.max(0, now - r.planned_at) / 1000);
      this.checkResults.inc({ region: r.region, outcome: OUTCOME_NAMES[r.outcome] });
    }
  }

  /** Schedule lags (ms) of embedded runs that started, at `now`: the histogram and the overload window. */
  observeLags(lagsMs: readonly number[], now: number): void {
    for (const lag of lagsMs) this.scheduleLag.observe(Math.max(0, lag) / 1000);
    this.load.observeLags(lagsMs, now);
  }

  /** Embedded runs skipped, per reason, at `now`. */
  observeSkipped(counts: Partial<SkipCounts>, now: number): void {
    let total = 0;
    for (const [reason, n] of Object.entries(counts)) {
      if (!n) continue;
      this.runsSkipped.inc({ reason }, n);
      total += n;
    }
    this.load.observeSkipped(total, now);
  }

  /** The embedded probe's load over the last minute (see ProbeLoadWindow). */
  probeLoad(now: number): ProbeLoad {
    return this.load.load(now);
  }

  setPlan(plan: Plan, live: Map<string, string[]>): void {
    this.agentsLive.reset();
    for (const [region, agents] of live) this.agentsLive.set({ region }, agents.length);
    this.assignedChecks.reset();
    for (const a of plan.agents.values()) this.assignedChecks.set({ region: a.region, agent: a.agentId }, a.checks.length);
  }
}
