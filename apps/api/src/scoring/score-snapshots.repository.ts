import { Inject, Injectable } from '@nestjs/common';
import type { LocalizedText, SystemTier } from '@kuzet/contracts';
import type { AgencyScore, CapApplied, ComponentScore, Finding, FixedFinding, Grade, ScoreComponentName, SystemEvidence, SystemScore } from '@kuzet/scoring';
import { SQL_EXECUTOR, SqlExecutor } from '../database/sql-executor';

/** A stored daily system score: the scorer's output as it was, plus the catalog names. */
export interface SystemSnapshotRow {
  systemId: number;
  system: string;
  name: LocalizedText;
  agency: string;
  tier: SystemTier;
  day: string;
  score: SystemScore;
  computedAt: string;
}

export interface AgencySnapshotRow {
  agencyId: number;
  agency: string;
  name: LocalizedText;
  day: string;
  score: number;
  grade: Grade;
  weightedMean: number;
  worst: { system: string; score: number } | null;
  computedAt: string;
}

export interface TrendRow {
  key: number;
  day: string;
  score: number;
  grade: Grade;
}

interface SystemSnapshotSqlRow {
  system_id: number;
  system: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  agency: string;
  tier: SystemTier;
  day: string;
  score: string;
  uncapped_score: string | null;
  grade: Grade;
  components: Record<ScoreComponentName, ComponentScore>;
  findings: Finding[];
  caps: CapApplied[];
  tls_grade: SystemScore['tlsGrade'];
  http_observatory: SystemScore['httpObservatory'];
  computed_at: Date | string;
}

const iso = (t: Date | string): string => new Date(t).toISOString();

/** The latest snapshot of each system (enabled, optionally of one agency or one system). */
const LATEST_SYSTEM_SNAPSHOTS = `
  SELECT DISTINCT ON (p.system_id) p.system_id, s.code AS system, s.name_kk, s.name_ru, s.name_en, a.code AS agency,
         s.tier, to_char(p.day, 'YYYY-MM-DD') AS day, p.score, p.uncapped_score, p.grade, p.components, p.findings, p.caps,
         p.tls_grade, p.http_observatory, p.computed_at
    FROM system_score_snapshots p
    JOIN systems s ON s.id = p.system_id
    JOIN agencies a ON a.id = s.agency_id
   WHERE s.enabled AND ($1::text IS NULL OR a.code = $1) AND ($2::text IS NULL OR s.code = $2)
   ORDER BY p.system_id, p.day DESC`;

/** Findings history, daily snapshots and the reads of the scores API: the scorer's tables, one place. */
@Injectable()
export class ScoreSnapshotsRepository {
  constructor(@Inject(SQL_EXECUTOR) private readonly db: SqlExecutor) {}

  /**
   * What the scorer sees now, against what it saw before: `seen` findings are (again) present;
   * every other finding of the system that was present is fixed as of `now`.
   */
  async recordFindings(systemId: number, seen: readonly Finding[], now: Date): Promise<void> {
    if (seen.length > 0)
      await this.db.query(
        `INSERT INTO score_findings (system_id, rule, first_seen, last_seen, fixed_at, finding)
         SELECT $1, f->>'rule', $2, $2, NULL, f FROM jsonb_array_elements($3::jsonb) AS f
         ON CONFLICT (system_id, rule) DO UPDATE
           SET last_seen = EXCLUDED.last_seen, fixed_at = NULL, finding = EXCLUDED.finding`,
        [systemId, now, JSON.stringify(seen)],
      );
    await this.db.query(
      `UPDATE score_findings SET fixed_at = $2
        WHERE system_id = $1 AND fixed_at IS NULL AND NOT (rule = ANY($3::text[]))`,
      [systemId, now, seen.map((f) => f.rule)],
    );
  }

  /** Findings fixed at or after `since`, per system (their cost is still fading). */
  async fixedSince(systemIds: readonly number[], since: Date): Promise<Map<number, FixedFinding[]>> {
    const out = new Map<number, FixedFinding[]>(systemIds.map((id) => [id, []]));
    if (systemIds.length === 0) return out;
    const rows = await this.db.query<{ system_id: number; finding: Finding; fixed_at: Date | string }>(
      `SELECT system_id, finding, fixed_at FROM score_findings
        WHERE system_id = ANY($1::int[]) AND fixed_at IS NOT NULL AND fixed_at >= $2
        ORDER BY system_id, rule`,
      [systemIds, since],
    );
    for (const r of rows) out.get(Number(r.system_id))?.push({ finding: r.finding, fixedAt: new Date(r.fixed_at).getTime() });
    return out;
  }

  /** Forgets findings whose fading ended before `before`. */
  async forgetFixedBefore(before: Date): Promise<void> {
    await this.db.query('DELETE FROM score_findings WHERE fixed_at < $1', [before]);
  }

  async upsertSystemSnapshot(
    day: string,
    ids: { systemId: number; agencyId: number },
    score: SystemScore,
    evidence: SystemEvidence,
    computedAt: Date,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO system_score_snapshots
         (day, system_id, agency_id, score, grade, components, findings, caps, tls_grade, http_observatory, evidence, computed_at, uncapped_score)
       VALUES ($1::date, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10::jsonb, $11::jsonb, $12, $13)
       ON CONFLICT (day, system_id) DO UPDATE
         SET agency_id = EXCLUDED.agency_id, score = EXCLUDED.score, uncapped_score = EXCLUDED.uncapped_score, grade = EXCLUDED.grade,
             components = EXCLUDED.components, findings = EXCLUDED.findings, caps = EXCLUDED.caps,
             tls_grade = EXCLUDED.tls_grade, http_observatory = EXCLUDED.http_observatory,
             evidence = EXCLUDED.evidence, computed_at = EXCLUDED.computed_at`,
      [
        day,
        ids.systemId,
        ids.agencyId,
        score.score,
        score.grade,
        JSON.stringify(score.components),
        JSON.stringify(score.findings),
        JSON.stringify(score.caps),
        score.tlsGrade,
        score.httpObservatory === null ? null : JSON.stringify(score.httpObservatory),
        JSON.stringify(evidence),
        computedAt,
        score.uncappedScore ?? null,
      ],
    );
  }

  async upsertAgencySnapshot(day: string, agencyId: number, score: AgencyScore, computedAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO agency_score_snapshots (day, agency_id, score, grade, weighted_mean, worst, computed_at)
       VALUES ($1::date, $2, $3, $4, $5, $6::jsonb, $7)
       ON CONFLICT (day, agency_id) DO UPDATE
         SET score = EXCLUDED.score, grade = EXCLUDED.grade, weighted_mean = EXCLUDED.weighted_mean,
             worst = EXCLUDED.worst, computed_at = EXCLUDED.computed_at`,
      [day, agencyId, score.score, score.grade, score.weightedMean, score.worst === null ? null : JSON.stringify(score.worst), computedAt],
    );
  }

  /** The latest score of each agency that has one (optionally one agency), best first. */
  async latestAgencies(agency: string | null): Promise<AgencySnapshotRow[]> {
    const rows = await this.db.query<{
      agency_id: number;
      agency: string;
      name_kk: string;
      name_ru: string;
      name_en: string;
      day: string;
      score: string;
      grade: Grade;
      weighted_mean: string;
      worst: { system: string; score: number } | null;
      computed_at: Date | string;
    }>(
      `SELECT * FROM (
         SELECT DISTINCT ON (p.agency_id) p.agency_id, a.code AS agency, a.name_kk, a.name_ru, a.name_en,
                to_char(p.day, 'YYYY-MM-DD') AS day, p.score, p.grade, p.weighted_mean, p.worst, p.computed_at
           FROM agency_score_snapshots p JOIN agencies a ON a.id = p.agency_id
          WHERE a.enabled AND ($1::text IS NULL OR a.code = $1)
          ORDER BY p.agency_id, p.day DESC
       ) latest ORDER BY score DESC, agency`,
      [agency],
    );
    return rows.map((r) => ({
      agencyId: Number(r.agency_id),
      agency: r.agency,
      name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
      day: r.day,
      score: Number(r.score),
      grade: r.grade,
      weightedMean: Number(r.weighted_mean),
      worst: r.worst,
      computedAt: iso(r.computed_at),
    }));
  }

  /** The latest score of each enabled system, optionally of one agency or one system. */
  async latestSystems(filter: { agency?: string; system?: string }): Promise<SystemSnapshotRow[]> {
    const rows = await this.db.query<SystemSnapshotSqlRow>(LATEST_SYSTEM_SNAPSHOTS, [filter.agency ?? null, filter.system ?? null]);
    return rows.map((r) => ({
      systemId: Number(r.system_id),
      system: r.system,
      name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
      agency: r.agency,
      tier: r.tier,
      day: r.day,
      computedAt: iso(r.computed_at),
      score: {
        system: r.system,
        agency: r.agency,
        tier: r.tier,
        score: Number(r.score),
        ...(r.uncapped_score === null ? {} : { uncappedScore: Number(r.uncapped_score) }),
        grade: r.grade,
        components: r.components,
        caps: r.caps,
        findings: r.findings,
        tlsGrade: r.tls_grade,
        httpObservatory: r.http_observatory,
      },
    }));
  }

  /** The evidence a system's snapshot of `day` was computed from. */
  async evidenceOf(systemId: number, day: string): Promise<Record<string, unknown> | null> {
    const rows = await this.db.query<{ evidence: Record<string, unknown> }>(
      'SELECT evidence FROM system_score_snapshots WHERE system_id = $1 AND day = $2::date',
      [systemId, day],
    );
    return rows[0]?.evidence ?? null;
  }

  /** Daily scores of these agencies (or systems) since `sinceDay`, oldest first. */
  async trends(of: 'agency' | 'system', ids: readonly number[], sinceDay: string): Promise<Map<number, TrendRow[]>> {
    const out = new Map<number, TrendRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const [table, column] = of === 'agency' ? ['agency_score_snapshots', 'agency_id'] : ['system_score_snapshots', 'system_id'];
    const rows = await this.db.query<{ key: number; day: string; score: string; grade: Grade }>(
      `SELECT ${column} AS key, to_char(day, 'YYYY-MM-DD') AS day, score, grade FROM ${table}
        WHERE ${column} = ANY($1::int[]) AND day >= $2::date ORDER BY ${column}, day`,
      [ids, sinceDay],
    );
    for (const r of rows)
      out.get(Number(r.key))?.push({ key: Number(r.key), day: r.day, score: Number(r.score), grade: r.grade });
    return out;
  }
}
