import type { HttpEvidence, TlsEvidence } from './scoring-evidence';
import type { Finding, SslLabsGrade } from './system-score';
import { COMPONENT_POINTS } from './system-score';
import { KUZET_RULES } from './rule-sources';
import { rateTls } from './tls-rating';

export interface TlsComponentResult {
  findings: Finding[];
  tlsGrade: SslLabsGrade | null;
  /** Served only over plain http:// (no TLS endpoint, no https:// response). */
  noHttps: boolean;
}

/**
 * TLS (20 points) from the SSL Labs letter. With no TLS evidence: a plain-http system loses all
 * 20 (and is capped), and one whose TLS was simply not observed loses them too: unseen is not rewarded.
 */
export function tlsComponent(tls: readonly TlsEvidence[], http: readonly HttpEvidence[], hstsMaxAge: number | null): TlsComponentResult {
  const rating = rateTls(tls, { hstsMaxAge });
  if (rating) return { findings: rating.findings, tlsGrade: rating.grade, noHttps: false };
  const plain = http.find((h) => !h.https);
  const noHttps = plain !== undefined && !http.some((h) => h.https);
  const finding: Finding = noHttps
    ? {
        rule: 'tls.no_https',
        component: 'tls',
        pointsLost: COMPONENT_POINTS.tls,
        reason: 'the system is served over plain HTTP: nothing it sends or receives is encrypted',
        fix: 'Serve the system over HTTPS (TLS 1.2 and 1.3) and redirect http:// to https://.',
        evidence: { checkId: plain.checkId, region: plain.region, observedAt: plain.observedAt, fact: `fetched ${plain.url}` },
        source: KUZET_RULES.caps,
      }
    : {
        rule: 'tls.not_observed',
        component: 'tls',
        pointsLost: COMPONENT_POINTS.tls,
        reason: 'no TLS handshake of this system was observed (no tls check)',
        fix: 'Add a tls check for the system’s HTTPS endpoint.',
        evidence: { fact: 'no TLS evidence' },
        source: KUZET_RULES.missingEvidence,
      };
  return { findings: [finding], tlsGrade: null, noHttps };
}
