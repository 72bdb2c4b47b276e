import type { HttpEvidence } from './scoring-evidence';
import type { Finding, RuleSource } from './system-score';
import { COMPONENT_POINTS } from './system-score';
import { distributePoints, roundPoints } from './points';
import { END_OF_LIFE_SNAPSHOT, type EndOfLifeProductId } from './end-of-life-snapshot';
import { OWASP_FINGERPRINT } from './rule-sources';
import { detectSoftware, type DetectedSoftware } from './software-fingerprint';

/** Points one end-of-life component costs (two of them take nearly the whole component). */
export const END_OF_LIFE_COST = 12;
/** Points a component within END_OF_LIFE_SOON_DAYS of its end of life costs. */
export const END_OF_LIFE_SOON_COST = 3;
export const END_OF_LIFE_SOON_DAYS = 180;
/** Points each header that discloses a version costs. */
export const VERSION_DISCLOSURE_COST = 1;

const DAY_MS = 86_400_000;

export interface SoftwareSighting extends DetectedSoftware {
  evidence: HttpEvidence;
}

export type SoftwareStatus = 'end_of_life' | 'end_of_life_soon' | 'supported' | 'unknown';

export function softwareStatus(software: DetectedSoftware, now: number): SoftwareStatus {
  if (software.eol === true) return 'end_of_life';
  if (software.eol === false) return 'supported';
  if (software.eol === null) return 'unknown';
  const end = Date.parse(`${software.eol}T00:00:00Z`);
  if (end <= now) return 'end_of_life';
  return end - now <= END_OF_LIFE_SOON_DAYS * DAY_MS ? 'end_of_life_soon' : 'supported';
}

/** Every product named by any HTTP response, first sighting kept (a versioned one preferred). */
export function softwareSightings(http: readonly HttpEvidence[]): SoftwareSighting[] {
  const byProduct = new Map<string, SoftwareSighting>();
  for (const evidence of http) {
    for (const software of detectSoftware(evidence.headers)) {
      const seen = byProduct.get(software.product);
      if (!seen || (seen.version === null && software.version !== null)) byProduct.set(software.product, { ...software, evidence });
    }
  }
  return [...byProduct.values()];
}

function snapshotSource(product: string, cycle: string | null): RuleSource {
  const entry = END_OF_LIFE_SNAPSHOT.products[product as EndOfLifeProductId];
  return {
    standard: `endoflife.date snapshot ${END_OF_LIFE_SNAPSHOT.date}`,
    section: `${entry?.name ?? product} ${cycle ?? ''}`.trim(),
    url: entry?.url ?? END_OF_LIFE_SNAPSHOT.source,
  };
}

function productName(product: string): string {
  return END_OF_LIFE_SNAPSHOT.products[product as EndOfLifeProductId]?.name ?? product;
}

function evidenceOf(s: SoftwareSighting, fact: string): Finding['evidence'] {
  return { checkId: s.evidence.checkId, region: s.evidence.region, observedAt: s.evidence.observedAt, fact };
}

interface Cost {
  weight: number;
  finding: Omit<Finding, 'pointsLost'>;
}

function lifecycleCost(s: SoftwareSighting, now: number): Cost | null {
  const status = softwareStatus(s, now);
  const name = `${productName(s.product)} ${s.cycle}`;
  const banner = `${s.header}: ${s.banner}`;
  const ended = typeof s.eol === 'string' ? `ended ${s.eol}` : 'ended before the oldest cycle the snapshot lists';
  if (status === 'end_of_life') {
    return {
      weight: END_OF_LIFE_COST,
      finding: {
        rule: `eol.${s.product}`,
        component: 'obsolescence',
        reason: `${name} (${s.version}) is past its end of life: security support ${ended}`,
        fix: `Upgrade to a supported ${productName(s.product)} release (see ${snapshotSource(s.product, null).url}).`,
        evidence: evidenceOf(s, `${banner} -> ${name}, end of life ${s.eol === true ? 'yes' : s.eol}`),
        source: snapshotSource(s.product, s.cycle),
      },
    };
  }
  if (status === 'end_of_life_soon') {
    return {
      weight: END_OF_LIFE_SOON_COST,
      finding: {
        rule: `eol_soon.${s.product}`,
        component: 'obsolescence',
        reason: `${name} (${s.version}) reaches its end of life on ${s.eol}, within ${END_OF_LIFE_SOON_DAYS} days`,
        fix: `Plan the upgrade to a newer ${productName(s.product)} release now.`,
        evidence: evidenceOf(s, `${banner} -> ${name}, end of life ${s.eol}`),
        source: snapshotSource(s.product, s.cycle),
      },
    };
  }
  return null;
}

/** One cost per header that discloses a version number (whatever the product's status). */
function disclosureCosts(sightings: SoftwareSighting[]): Cost[] {
  const byHeader = new Map<string, SoftwareSighting>();
  for (const s of sightings) if (s.version !== null && !byHeader.has(s.header)) byHeader.set(s.header, s);
  return [...byHeader.values()].map((s) => ({
    weight: VERSION_DISCLOSURE_COST,
    finding: {
      rule: `disclosure.${s.header}`,
      component: 'obsolescence',
      reason: `the ${s.header} header discloses the software version (${s.banner})`,
      fix: s.header === 'server' ? 'Hide the version (nginx server_tokens off; Apache ServerTokens Prod; IIS removeServerHeader).' : `Remove the ${s.header} header.`,
      evidence: evidenceOf(s, `${s.header}: ${s.banner}`),
      source: OWASP_FINGERPRINT,
    },
  }));
}

export interface ObsolescenceResult {
  points: number;
  findings: Finding[];
  software: SoftwareSighting[];
  /** Products past their end of life (for the end-of-life cap). */
  endOfLife: SoftwareSighting[];
}

/**
 * Obsolescence (25 points): each end-of-life component costs 12, each within 180 days of it 3,
 * each header disclosing a version 1; when the costs exceed 25 they are scaled down to share 25.
 */
export function obsolescenceComponent(http: readonly HttpEvidence[], now: number): ObsolescenceResult {
  const software = softwareSightings(http);
  const costs = [...software.map((s) => lifecycleCost(s, now)).filter((c): c is Cost => c !== null), ...disclosureCosts(software)];
  const max = COMPONENT_POINTS.obsolescence;
  const total = Math.min(max, costs.reduce((sum, c) => sum + c.weight, 0));
  const shares = distributePoints(total, costs.map((c) => c.weight));
  const findings = costs.map((c, i) => ({ ...c.finding, pointsLost: shares[i] }));
  return {
    points: roundPoints(max - shares.reduce((a, b) => a + b, 0)),
    findings,
    software,
    endOfLife: software.filter((s) => softwareStatus(s, now) === 'end_of_life'),
  };
}
