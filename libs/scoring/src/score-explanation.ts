import type { Finding, ScoreComponentName, SystemScore } from './system-score';
import { COMPONENT_POINTS } from './system-score';

const COMPONENT_LABELS: Record<ScoreComponentName, string> = {
  reliability: 'Reliability',
  tls: 'TLS',
  http: 'HTTP hygiene',
  obsolescence: 'Obsolescence',
  modernity: 'Modernity',
};

function points(value: number): string {
  return value.toFixed(1);
}

function evidenceLine(finding: Finding): string {
  const e = finding.evidence;
  if ('checkId' in e) return `check ${e.checkId}, region ${e.region}, ${e.observedAt}: ${e.fact}`;
  return e.fact;
}

function componentNote(score: SystemScore, name: ScoreComponentName): string {
  if (name === 'tls') return score.tlsGrade ? `  SSL Labs ${score.tlsGrade}` : '';
  if (name === 'http') return score.httpObservatory ? `  Observatory ${score.httpObservatory.grade} (${score.httpObservatory.score})` : '';
  return '';
}

/**
 * The plain-text explanation `kuzet score explain SYSTEM` prints: the score and grade, each
 * component, the caps, and every finding with its evidence (check, region, time, fact) and rule source.
 */
export function explainScore(score: SystemScore): string {
  const lines: string[] = [];
  lines.push(`System ${score.system} (agency ${score.agency}, tier ${score.tier})`);
  const uncapped = score.uncappedScore ?? null;
  const capped = uncapped !== null && uncapped !== score.score ? ` (components sum to ${points(uncapped)}, capped)` : '';
  lines.push(`Score ${points(score.score)} / 100, grade ${score.grade}${capped}`);
  lines.push('');
  lines.push('Components:');
  for (const name of Object.keys(COMPONENT_POINTS) as ScoreComponentName[]) {
    const c = score.components[name];
    lines.push(`  ${COMPONENT_LABELS[name].padEnd(13)} ${points(c.points).padStart(5)} / ${c.max}${componentNote(score, name)}`);
  }
  lines.push('');
  if (score.caps.length === 0) {
    lines.push('Caps: none');
  } else {
    lines.push('Caps:');
    for (const cap of score.caps) lines.push(`  ${cap.rule}: at most ${cap.limit} (${cap.reason})`);
  }
  lines.push('');
  const lost = score.findings.filter((f) => f.pointsLost > 0).length;
  lines.push(`Findings (${score.findings.length}, ${lost} costing points), most costly first:`);
  for (const f of score.findings) {
    lines.push(`  -${points(f.pointsLost)} ${COMPONENT_LABELS[f.component]}: ${f.rule}`);
    lines.push(`      why:      ${f.reason}`);
    if (f.fix) lines.push(`      fix:      ${f.fix}`);
    lines.push(`      evidence: ${evidenceLine(f)}`);
    lines.push(`      rule:     ${f.source.standard}, ${f.source.section} <${f.source.url}>`);
    if (f.fading) lines.push(`      fading:   fixed ${f.fading.fixedAt}, was -${points(f.fading.originalPointsLost)}`);
  }
  lines.push('');
  lines.push('Formula and sources: docs/scoring.md');
  return lines.join('\n');
}
