import type { DnsEvidence, TlsEvidence } from './scoring-evidence';
import type { Finding } from './system-score';
import { KUZET_RULES, MODERNITY } from './rule-sources';
import { roundPoints } from './points';
import { offeredVersions } from './tls-categories';

/** Modernity's 5 points: TLS 1.3 2, HTTP/2 (ALPN h2) 2, IPv6 (AAAA) 1. */
export const MODERNITY_POINTS = { tls13: 2, http2: 2, ipv6: 1 } as const;

function sourceOf(e: TlsEvidence | DnsEvidence, fact: string): Finding['evidence'] {
  return { checkId: e.checkId, region: e.region, observedAt: e.observedAt, fact };
}

function missing(rule: string, points: number, reason: string, fix: string, fact: string): Finding {
  return { rule, component: 'modernity', pointsLost: points, reason, fix, evidence: { fact }, source: KUZET_RULES.missingEvidence };
}

/** Every endpoint must have the feature; the first one without it is the evidence. Unseen is not rewarded. */
export function modernityComponent(tls: readonly TlsEvidence[], dns: readonly DnsEvidence[]): { points: number; findings: Finding[] } {
  const findings: Finding[] = [];
  if (tls.length === 0) {
    findings.push(missing('modernity.tls13', MODERNITY_POINTS.tls13, 'no TLS endpoint was seen, so TLS 1.3 is not shown', 'Serve HTTPS with TLS 1.3 and add a tls check.', 'no TLS evidence'));
    findings.push(missing('modernity.http2', MODERNITY_POINTS.http2, 'no TLS endpoint was seen, so HTTP/2 (negotiated by ALPN over TLS) is not shown', 'Serve HTTPS with HTTP/2 and add a tls check.', 'no TLS evidence'));
  } else {
    const noTls13 = tls.find((t) => !offeredVersions(t).includes('TLSv1.3'));
    if (noTls13) {
      findings.push({
        rule: 'modernity.tls13',
        component: 'modernity',
        pointsLost: MODERNITY_POINTS.tls13,
        reason: `${noTls13.endpoint} does not offer TLS 1.3`,
        fix: 'Enable TLS 1.3 (OpenSSL 1.1.1 or newer; nginx ssl_protocols TLSv1.2 TLSv1.3).',
        evidence: sourceOf(noTls13, `${noTls13.endpoint}: accepted versions ${offeredVersions(noTls13).join(', ') || 'none'}`),
        source: MODERNITY.tls13,
      });
    }
    const noH2 = tls.find((t) => t.alpn !== 'h2');
    if (noH2) {
      findings.push({
        rule: 'modernity.http2',
        component: 'modernity',
        pointsLost: MODERNITY_POINTS.http2,
        reason: `${noH2.endpoint} does not negotiate HTTP/2 by ALPN`,
        fix: 'Enable HTTP/2 on the TLS listener (nginx listen 443 ssl; http2 on; Apache mod_http2).',
        evidence: sourceOf(noH2, `${noH2.endpoint}: ALPN ${noH2.alpn ?? 'no answer'} when offered h2, http/1.1`),
        source: MODERNITY.http2,
      });
    }
  }
  if (dns.length === 0) {
    findings.push(missing('modernity.ipv6', MODERNITY_POINTS.ipv6, 'no DNS check looked for an AAAA record, so IPv6 is not shown', 'Publish an AAAA record and add a dns check.', 'no DNS evidence'));
  } else {
    const noAaaa = dns.find((d) => !d.ipv6);
    if (noAaaa) {
      findings.push({
        rule: 'modernity.ipv6',
        component: 'modernity',
        pointsLost: MODERNITY_POINTS.ipv6,
        reason: `${noAaaa.host} has no AAAA record (not reachable over IPv6)`,
        fix: 'Serve the system over IPv6 and publish its AAAA record.',
        evidence: sourceOf(noAaaa, `${noAaaa.host}: no AAAA record`),
        source: MODERNITY.ipv6,
      });
    }
  }
  const lost = findings.reduce((sum, f) => sum + f.pointsLost, 0);
  return { points: roundPoints(5 - lost), findings };
}
