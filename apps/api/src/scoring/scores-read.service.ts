import { Injectable } from '@nestjs/common';
import type { AgencyReportCard, AgencyScoreRow, AgencyTopFinding, SystemScoreDetail, SystemScoreView } from '@kuzet/contracts';
import { ScoreSnapshotsRepository } from './score-snapshots.repository';
import type { AgencySnapshotRow, TrendRow } from './score-snapshots.repository';
import { scoreDaysBefore } from './score-day';
import { byCost, toSystemScoreView, toTrend } from './score-views.mapper';
import { ScoringClock } from './scoring-clock';
import { ScoreNotFoundError } from './scoring.errors';
import type { ResolvedScoresQuery } from './scores-query';

function topFindings(systems: readonly SystemScoreView[], top: number): AgencyTopFinding[] {
  return systems
    .flatMap((s) => s.findings.map((f) => ({ ...f, system: s.system })))
    .sort(byCost)
    .slice(0, top);
}

/** Reads of GET /api/scores/...: the latest daily snapshots, their trends and findings. */
@Injectable()
export class ScoresReadService {
  constructor(
    private readonly snapshots: ScoreSnapshotsRepository,
    private readonly clock: ScoringClock,
  ) {}

  /** The ranking, best first; `agency` limits it to one (an operator's own). */
  async agencies(agency: string | null, q: ResolvedScoresQuery): Promise<AgencyScoreRow[]> {
    const rows = await this.snapshots.latestAgencies(agency);
    const systems = (await this.snapshots.latestSystems({ agency: agency ?? undefined })).map(toSystemScoreView);
    const trends = await this.trends(rows, q.trendDays);
    return rows.map((r) => this.row(r, systems.filter((s) => s.agency === r.agency), trends.get(r.agencyId) ?? [], q.top));
  }

  async agency(code: string, q: ResolvedScoresQuery): Promise<AgencyReportCard> {
    const [row] = await this.snapshots.latestAgencies(code);
    if (!row) throw new ScoreNotFoundError('agency', code);
    const systems = (await this.snapshots.latestSystems({ agency: code })).map(toSystemScoreView);
    const trends = await this.trends([row], q.trendDays);
    return {
      ...this.row(row, systems, trends.get(row.agencyId) ?? [], q.top),
      systems: [...systems].sort((a, b) => a.score - b.score || a.system.localeCompare(b.system)),
    };
  }

  async system(code: string, q: ResolvedScoresQuery): Promise<SystemScoreDetail> {
    const [row] = await this.snapshots.latestSystems({ system: code });
    if (!row) throw new ScoreNotFoundError('system', code);
    const evidence = await this.snapshots.evidenceOf(row.systemId, row.day);
    const trend = await this.snapshots.trends('system', [row.systemId], scoreDaysBefore(this.clock.now(), q.trendDays - 1));
    return {
      ...toSystemScoreView(row),
      evidence: evidence ?? {},
      trend: toTrend(trend.get(row.systemId) ?? []),
    };
  }

  private trends(rows: readonly AgencySnapshotRow[], days: number): Promise<Map<number, TrendRow[]>> {
    return this.snapshots.trends(
      'agency',
      rows.map((r) => r.agencyId),
      scoreDaysBefore(this.clock.now(), days - 1),
    );
  }

  private row(r: AgencySnapshotRow, systems: readonly SystemScoreView[], trend: readonly TrendRow[], top: number): AgencyScoreRow {
    return {
      agency: r.agency,
      name: r.name,
      score: r.score,
      grade: r.grade,
      weighted_mean: r.weightedMean,
      worst: r.worst,
      system_count: systems.length,
      trend: toTrend(trend),
      top_findings: topFindings(systems, top),
      day: r.day,
      computed_at: r.computedAt,
    };
  }
}
