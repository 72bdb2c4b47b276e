import { Injectable } from '@nestjs/common';

/** What this process knows of one of its periodic jobs (plain-mode rollups and retention). */
export interface JobRun {
  name: string;
  everyMs: number;
  /** When the job was scheduled in this process: the reference before any success. */
  scheduledAt: number;
  lastStartedAt: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  lastError: string | null;
  failures: number;
  consecutiveFailures: number;
  /** A leader-only job on a follower: another node runs it, so it is not overdue here. */
  elsewhere: boolean;
}

/** A job scheduled at `at` that has not run yet. */
export function newJobRun(name: string, everyMs: number, at: number): JobRun {
  return {
    name,
    everyMs,
    scheduledAt: at,
    lastStartedAt: null,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastError: null,
    failures: 0,
    consecutiveFailures: 0,
    elsewhere: false,
  };
}

/** The runs of the process's periodic jobs, for /api/health and /metrics (in memory: per node). */
@Injectable()
export class JobRunsService {
  private readonly runs = new Map<string, JobRun>();

  scheduled(name: string, everyMs: number, at = Date.now()): void {
    if (this.runs.has(name)) return;
    this.runs.set(name, newJobRun(name, everyMs, at));
  }

  started(name: string, at = Date.now()): void {
    const run = this.runs.get(name);
    if (!run) return;
    // Just promoted: overdue is counted from now, not from before this node led.
    if (run.elsewhere) run.scheduledAt = at;
    run.elsewhere = false;
    run.lastStartedAt = at;
  }

  /** The job's tick was skipped because another node (the leader) runs it. */
  runsElsewhere(name: string): void {
    const run = this.runs.get(name);
    if (run) run.elsewhere = true;
  }

  succeeded(name: string, at = Date.now()): void {
    const run = this.runs.get(name);
    if (!run) return;
    run.lastSuccessAt = at;
    run.consecutiveFailures = 0;
  }

  failed(name: string, error: string, at = Date.now()): void {
    const run = this.runs.get(name);
    if (!run) return;
    run.lastFailureAt = at;
    run.lastError = error;
    run.failures++;
    run.consecutiveFailures++;
  }

  list(): JobRun[] {
    return [...this.runs.values()].map((r) => ({ ...r }));
  }
}
