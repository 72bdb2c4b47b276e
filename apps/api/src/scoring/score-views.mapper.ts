import type { ScoreFindingView, ScoreTrendPoint, SystemScoreView } from '@kuzet/contracts';
import type { Finding } from '@kuzet/scoring';
import type { SystemSnapshotRow, TrendRow } from './score-snapshots.repository';

/** A scorer finding in the REST API's shape (snake_case; evidence without a probe run has nulls). */
export function toFindingView(f: Finding): ScoreFindingView {
  const e = f.evidence;
  const probe = 'checkId' in e ? e : null;
  return {
    rule: f.rule,
    component: f.component,
    points_lost: f.pointsLost,
    reason: f.reason,
    fix: f.fix,
    evidence: {
      fact: e.fact,
      check_id: probe ? probe.checkId : null,
      region: probe ? probe.region : null,
      observed_at: probe ? probe.observedAt : null,
    },
    source: { standard: f.source.standard, section: f.source.section, url: f.source.url },
    fading: f.fading ? { fixed_at: f.fading.fixedAt, original_points_lost: f.fading.originalPointsLost } : null,
  };
}

/** Costliest first; ties by rule, so the order is stable between reads. */
export function byCost<T extends { points_lost: number; rule: string }>(a: T, b: T): number {
  return b.points_lost - a.points_lost || a.rule.localeCompare(b.rule);
}

export function toSystemScoreView(row: SystemSnapshotRow): SystemScoreView {
  const s = row.score;
  return {
    system: row.system,
    name: row.name,
    agency: row.agency,
    tier: row.tier,
    score: s.score,
    uncapped_score: s.uncappedScore ?? null,
    grade: s.grade,
    components: s.components,
    caps: s.caps.map((c) => ({ rule: c.rule, limit: c.limit, reason: c.reason })),
    findings: s.findings.map(toFindingView).sort(byCost),
    tls_grade: s.tlsGrade,
    http_observatory: s.httpObservatory,
    day: row.day,
    computed_at: row.computedAt,
  };
}

export function toTrend(rows: readonly TrendRow[]): ScoreTrendPoint[] {
  return rows.map((r) => ({ day: r.day, score: r.score, grade: r.grade }));
}
