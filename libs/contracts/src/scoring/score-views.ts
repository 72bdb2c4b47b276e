import type { LocalizedText } from '../catalog/localized-text.schema';
import type { SystemTier } from '../catalog/catalog-enums';

// REST shapes of the technology-debt scores (GET /api/scores/...), read by the board. They mirror
// the scorer's output (libs/scoring system-score.ts) in the REST API's snake_case; docs/scoring.md.

export type ScoreGrade = 'A' | 'B' | 'C' | 'D' | 'F';
export type ScoreComponentKey = 'reliability' | 'tls' | 'http' | 'obsolescence' | 'modernity';
export const SCORE_COMPONENT_KEYS: readonly ScoreComponentKey[] = ['reliability', 'tls', 'http', 'obsolescence', 'modernity'];

/** The fact behind a finding, and where a probe saw it (null for facts from incidents). */
export interface ScoreEvidenceView {
  fact: string;
  check_id: number | null;
  region: string | null;
  observed_at: string | null;
}

export interface ScoreRuleSourceView {
  standard: string;
  section: string;
  url: string;
}

export interface ScoreFindingView {
  rule: string;
  component: ScoreComponentKey;
  points_lost: number;
  reason: string;
  fix: string;
  evidence: ScoreEvidenceView;
  source: ScoreRuleSourceView;
  /** A finding no longer seen whose cost is fading out over 60 days: when it was fixed, what it cost then. */
  fading: { fixed_at: string; original_points_lost: number } | null;
}

export interface ScoreCapView {
  rule: string;
  limit: number;
  reason: string;
}

export interface ScoreComponentView {
  points: number;
  max: number;
}

/** One day's score (Asia/Almaty calendar day: the day's latest run). */
export interface ScoreTrendPoint {
  day: string;
  score: number;
  grade: ScoreGrade;
}

/** One system's latest score. */
export interface SystemScoreView {
  system: string;
  name: LocalizedText;
  agency: string;
  tier: SystemTier;
  score: number;
  /** The components' sum before the caps (null when not recorded). */
  uncapped_score: number | null;
  grade: ScoreGrade;
  components: Record<ScoreComponentKey, ScoreComponentView>;
  caps: ScoreCapView[];
  findings: ScoreFindingView[];
  /** The TLS part's letter by the SSL Labs rating guide; null when no TLS endpoint was seen. */
  tls_grade: string | null;
  /** The HTTP part by the MDN HTTP Observatory; null when no HTTP response was seen. */
  http_observatory: { score: number; grade: string } | null;
  day: string;
  computed_at: string;
}

/** GET /api/scores/systems/:code: the latest score, the evidence it was computed from, its trend. */
export interface SystemScoreDetail extends SystemScoreView {
  /** The scorer's input as collected (probe facts with check, region and time; reliability). */
  evidence: Record<string, unknown>;
  trend: ScoreTrendPoint[];
}

/** A finding in an agency's ranking row: which system it belongs to. */
export interface AgencyTopFinding extends ScoreFindingView {
  system: string;
}

/** One row of GET /api/scores/agencies, best first. */
export interface AgencyScoreRow {
  agency: string;
  name: LocalizedText;
  score: number;
  grade: ScoreGrade;
  /** The tier-weighted mean of its systems (half of the score; the worst system is the other half). */
  weighted_mean: number;
  worst: { system: string; score: number } | null;
  system_count: number;
  /** Daily scores, oldest first (up to the last 90 days). */
  trend: ScoreTrendPoint[];
  /** The findings that cost the most, over all its systems. */
  top_findings: AgencyTopFinding[];
  day: string;
  computed_at: string;
}

/** GET /api/scores/agencies/:code: the report card. */
export interface AgencyReportCard extends AgencyScoreRow {
  /** Every scored system of the agency, worst first. */
  systems: SystemScoreView[];
}
