import { Injectable, Optional } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics-registry.service';
import type { BackgroundJob } from './background-jobs';
import type { HealthReport } from './health.dto';
import { HealthService } from './health.service';

/** A scrape reads every gauge below; one health report serves them all. */
const REPORT_REUSE_MS = 1_000;

/**
 * The health report as gauges, computed when Prometheus scrapes: one series per component and
 * per background job (a handful: policies and rollups, never per check or system).
 */
@Injectable()
export class HealthMetrics {
  private last: { at: number; report: Promise<HealthReport> } | undefined;

  constructor(
    private readonly health: HealthService,
    @Optional() metrics?: MetricsRegistry,
  ) {
    if (!metrics) return;
    const registers = [metrics.registry];
    const report = () => this.report();
    new Gauge({
      name: 'kuzet_health_ok',
      help: '1 when the component is healthy, 0 when not (database, detector, leader, probing, probe_agent, background_jobs, notifications)',
      labelNames: ['component'],
      registers,
      async collect() {
        const r = await report();
        this.reset();
        this.set({ component: 'database' }, r.database.ok ? 1 : 0);
        const parts = { detector: r.detector, leader: r.leader, probing: r.probing, probe_agent: r.probe_agent, background_jobs: r.background_jobs, notifications: r.notifications };
        for (const [component, part] of Object.entries(parts)) if (part) this.set({ component }, part.ok ? 1 : 0);
      },
    });
    const jobGauge = (name: string, help: string, value: (job: BackgroundJob) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['job', 'source'],
        registers,
        async collect() {
          const jobs = (await report()).background_jobs;
          this.reset();
          for (const j of jobs?.jobs ?? []) {
            const v = value(j);
            if (v !== null) this.set({ job: j.name, source: jobs!.source }, v);
          }
        },
      });
    jobGauge(
      'kuzet_background_job_ok',
      '1 when the background job last ran fine, 0 when its last run failed (or a process job is overdue); source: timescaledb or process',
      (j) => (j.ok ? 1 : 0),
    );
    jobGauge(
      'kuzet_background_job_failures',
      'Failed runs of the background job (TimescaleDB: since the job exists; process jobs: since the process started)',
      (j) => j.failures,
    );
    jobGauge(
      'kuzet_background_job_last_success_timestamp_seconds',
      'When the background job last finished successfully (absent before its first success)',
      (j) => (j.last_success_at ? Date.parse(j.last_success_at) / 1000 : null),
    );
    new Gauge({
      name: 'kuzet_probing_last_result_age_seconds',
      help: 'Seconds since the latest stored result of a probed check (any node; absent when none is recent)',
      registers,
      async collect() {
        const age = (await report()).probing?.last_result_age_s;
        this.reset();
        if (age !== null && age !== undefined) this.set(age);
      },
    });
    new Gauge({
      name: 'kuzet_notifications_oldest_due_seconds',
      help: 'Seconds the oldest due, undelivered notification has waited (0 when none is due)',
      registers,
      async collect() {
        const n = (await report()).notifications;
        this.reset();
        if (n) this.set(n.oldest_due_s ?? 0);
      },
    });
  }

  private report(): Promise<HealthReport> {
    const now = Date.now();
    if (!this.last || now - this.last.at > REPORT_REUSE_MS) this.last = { at: now, report: this.health.report() };
    return this.last.report;
  }
}
