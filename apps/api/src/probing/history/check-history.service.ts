import { Injectable, NotFoundException } from '@nestjs/common';
import { CheckResultsRepository } from '../../timeseries/check-results.repository';
import type { RollupSeries } from '../../timeseries/rollup-point';
import { ResultDetailsRepository } from '../results/result-details.repository';
import { CheckHistoryRepository } from './check-history.repository';

export const MAX_RESULTS_PAGE = 500;

export interface ResultView {
  time: string;
  region: string;
  outcome: number;
  latency_ms: number | null;
  status_code: number | null;
  error_class: string | null;
  error_message?: string | null;
  conditions?: unknown[];
  details?: Record<string, unknown>;
}

export interface ResultsPage {
  check_id: number;
  results: ResultView[];
  /** Pass as before (and before_region) for the next, older page; null when this was the last. */
  next: { before: string; before_region: string } | null;
}

@Injectable()
export class CheckHistoryService {
  constructor(
    private readonly history: CheckHistoryRepository,
    private readonly details: ResultDetailsRepository,
    private readonly results: CheckResultsRepository,
  ) {}

  async recent(checkId: number, limit: number, before?: { time: Date; region: string }): Promise<ResultsPage> {
    await this.requireCheck(checkId);
    const rows = await this.history.recent(checkId, limit, before);
    const views: ResultView[] = rows.map((r) => ({
      time: new Date(r.time).toISOString(),
      region: r.region,
      outcome: Number(r.outcome),
      latency_ms: r.latency_ms === null ? null : Number(r.latency_ms),
      status_code: r.status_code === null ? null : Number(r.status_code),
      error_class: r.error_class,
    }));
    if (views.length > 0) {
      const key = (region: string, time: Date | string) => `${region}\u0000${new Date(time).toISOString()}`;
      const extra = new Map<string, { conditions: unknown[]; details: Record<string, unknown>; error_message: string | null }>();
      for (const d of await this.details.latestFor(checkId)) extra.set(key(d.region, d.time), d);
      const oldest = new Date(views[views.length - 1].time);
      const newest = new Date(views[0].time);
      for (const d of await this.details.failuresAt(checkId, oldest, newest)) extra.set(key(d.region, d.time), d);
      for (const v of views) {
        const d = extra.get(key(v.region, v.time));
        if (d) Object.assign(v, { conditions: d.conditions, details: d.details, error_message: d.error_message });
      }
    }
    const last = views[views.length - 1];
    return {
      check_id: checkId,
      results: views,
      next: views.length === limit && last ? { before: last.time, before_region: last.region } : null,
    };
  }

  async latency(checkId: number, from: Date, to: Date, region?: string): Promise<RollupSeries> {
    await this.requireCheck(checkId);
    return this.results.rollupSeries(checkId, from, to, undefined, region);
  }

  private async requireCheck(checkId: number): Promise<void> {
    if (!(await this.history.checkExists(checkId))) throw new NotFoundException(`check ${checkId} not found`);
  }
}
