import type { SystemTier } from '@kuzet/contracts';
import type { EvidenceSource } from './scoring-evidence';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';
export type ScoreComponentName = 'reliability' | 'tls' | 'http' | 'obsolescence' | 'modernity';

/** Points of each component (the table); they sum to 100. */
export const COMPONENT_POINTS: Readonly<Record<ScoreComponentName, number>> = {
  reliability: 35,
  tls: 20,
  http: 15,
  obsolescence: 25,
  modernity: 5,
};

/** The public standard a rule comes from, with the section that says it. */
export interface RuleSource {
  /** e.g. "SSL Labs SSL Server Rating Guide (2009q)", "MDN HTTP Observatory scoring", "endoflife.date snapshot 2026-11-30". */
  standard: string;
  section: string;
  url: string;
}

/** One reason for points lost: what was seen, why it costs, how to fix it. */
export interface Finding {
  /** Stable rule id: tls.protocol.tls10, http.hsts.missing, eol.php, reliability.availability, ... */
  rule: string;
  component: ScoreComponentName;
  /** Points of the component lost to this finding (after fading, see FixedFinding). */
  pointsLost: number;
  /** What was seen, in plain English, naming the fact (e.g. "the server accepts TLS 1.0"). */
  reason: string;
  /** What to do about it. */
  fix: string;
  /** The fact and where it was seen (null for reliability findings, which come from incidents). */
  evidence: (EvidenceSource & { fact: string }) | { fact: string };
  source: RuleSource;
  /** Set on a finding no longer seen whose cost is fading out (see FixedFinding). */
  fading?: {
    /** ISO 8601 instant it was first no longer seen. */
    fixedAt: string;
    /** What it cost when it was last seen. */
    originalPointsLost: number;
  };
}

/** A cap on the whole score (no HTTPS / invalid certificate 40, end-of-life 70, availability < 99% 60). */
export interface CapApplied {
  rule: 'cap.no_https' | 'cap.invalid_certificate' | 'cap.end_of_life' | 'cap.availability';
  limit: number;
  reason: string;
}

export interface ComponentScore {
  points: number;
  max: number;
}

/** SSL Labs letters (T: not trusted, M: certificate name mismatch). */
export type SslLabsGrade = 'A+' | 'A' | 'A-' | 'B' | 'C' | 'D' | 'E' | 'F' | 'T' | 'M';

export interface SystemScore {
  system: string;
  agency: string;
  tier: SystemTier;
  /** 0..100, 100 = no debt; after caps. */
  score: number;
  /** The components' sum before caps. */
  uncappedScore?: number;
  grade: Grade;
  components: Record<ScoreComponentName, ComponentScore>;
  caps: CapApplied[];
  findings: Finding[];
  /** The TLS part's letter by the SSL Labs rating guide (null: no TLS endpoint seen). */
  tlsGrade: SslLabsGrade | null;
  /** The HTTP part by the MDN HTTP Observatory: its 0..100+ score and letter (null: no HTTP response seen). */
  httpObservatory: { score: number; grade: string } | null;
}

/**
 * A finding seen before and no longer: its cost fades out linearly over 60 days rather than
 * vanishing overnight (a fix that is reverted next week should not have bought a grade).
 */
export interface FixedFinding {
  finding: Finding;
  /** ms since epoch when it was first no longer seen. */
  fixedAt: number;
}

export interface AgencyScore {
  agency: string;
  /** 0.5 × tier-weighted mean of its systems + 0.5 × its worst system. */
  score: number;
  grade: Grade;
  weightedMean: number;
  worst: { system: string; score: number } | null;
  systems: { system: string; tier: SystemTier; score: number; grade: Grade }[];
}
