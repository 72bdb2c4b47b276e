import type { SystemEvidence } from './scoring-evidence';
import type { ComponentScore, Finding, FixedFinding, ScoreComponentName, SystemScore } from './system-score';
import { COMPONENT_POINTS } from './system-score';
import { roundPoints } from './points';
import { gradeOf } from './grades';
import { applyCaps, capsFor } from './caps';
import { fadedFindings } from './finding-fade';
import { httpComponent, systemHstsMaxAge } from './http-component';
import { tlsComponent } from './tls-component';
import { obsolescenceComponent } from './obsolescence-component';
import { modernityComponent } from './modernity-component';
import { reliabilityComponent } from './reliability-component';
import { END_OF_LIFE_SNAPSHOT, type EndOfLifeProductId } from './end-of-life-snapshot';
import { ScoringInputError } from './scoring.errors';
import { validateEvidence } from './evidence-validation';

export interface ScoreContext {
  /** ms since epoch the score is computed for (end-of-life dates and fading are judged at it). */
  now: number;
  /** Findings seen before and no longer, with when they were first no longer seen. */
  fixed?: FixedFinding[];
}

const COMPONENTS = Object.keys(COMPONENT_POINTS) as ScoreComponentName[];

function componentScores(findings: readonly Finding[]): Record<ScoreComponentName, ComponentScore> {
  const scores = {} as Record<ScoreComponentName, ComponentScore>;
  for (const name of COMPONENTS) {
    const lost = findings.filter((f) => f.component === name).reduce((sum, f) => sum + f.pointsLost, 0);
    const max = COMPONENT_POINTS[name];
    scores[name] = { points: roundPoints(Math.max(0, max - lost)), max };
  }
  return scores;
}

/**
 * One system's technology-debt score (0..100, 100 = no debt): reliability 35, TLS 20, HTTP
 * hygiene 15, obsolescence 25, modernity 5; then the caps; every point lost is a finding.
 */
export function scoreSystem(evidence: SystemEvidence, context: ScoreContext): SystemScore {
  if (!Number.isFinite(context.now)) throw new ScoringInputError('context.now', 'must be a time in ms since epoch');
  validateEvidence(evidence);
  const { now } = context;
  const tls = tlsComponent(evidence.tls, evidence.http, systemHstsMaxAge(evidence.http));
  const http = httpComponent(evidence.http);
  const obsolescence = obsolescenceComponent(evidence.http, now);
  const modernity = modernityComponent(evidence.tls, evidence.dns);
  const reliability = reliabilityComponent(evidence.reliability);
  const current = [...reliability.findings, ...tls.findings, ...http.findings, ...obsolescence.findings, ...modernity.findings];
  const findings = [...current, ...fadedFindings(context.fixed ?? [], current, now)].sort((a, b) => b.pointsLost - a.pointsLost);
  const components = componentScores(findings);
  const uncappedScore = roundPoints(COMPONENTS.reduce((sum, name) => sum + components[name].points, 0));
  const caps = capsFor({
    noHttps: tls.noHttps,
    tlsGrade: tls.tlsGrade,
    endOfLife: obsolescence.endOfLife.map((s) => `${END_OF_LIFE_SNAPSHOT.products[s.product as EndOfLifeProductId]?.name ?? s.product} ${s.cycle}`),
    availability: evidence.reliability.availability,
  });
  const score = roundPoints(applyCaps(uncappedScore, caps));
  return {
    system: evidence.system,
    agency: evidence.agency,
    tier: evidence.tier,
    score,
    uncappedScore,
    grade: gradeOf(score),
    components,
    caps,
    findings,
    tlsGrade: tls.tlsGrade,
    httpObservatory: http.observatory ? { score: http.observatory.score, grade: http.observatory.grade } : null,
  };
}
