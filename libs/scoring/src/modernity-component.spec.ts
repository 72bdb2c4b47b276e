import { modernityComponent } from './modernity-component';
import { dnsEvidence, tlsEvidence } from './scoring-evidence.fixture';

describe('modernity component (5 points)', () => {
  it('TLS 1.3, HTTP/2 by ALPN and IPv6 keep all 5', () => {
    expect(modernityComponent([tlsEvidence()], [dnsEvidence()])).toEqual({ points: 5, findings: [] });
  });

  it('no TLS 1.3 costs 2, no h2 costs 2, no AAAA costs 1, each naming the endpoint', () => {
    const r = modernityComponent(
      [tlsEvidence({ acceptedVersions: ['TLSv1.2'], negotiatedVersion: 'TLSv1.2', alpn: 'http/1.1' })],
      [dnsEvidence({ ipv6: false })],
    );
    expect(r.points).toBe(0);
    expect(r.findings.map((f) => [f.rule, f.pointsLost, (f.evidence as { fact: string }).fact])).toEqual([
      ['modernity.tls13', 2, 'egov.example.kz:443: accepted versions TLSv1.2'],
      ['modernity.http2', 2, 'egov.example.kz:443: ALPN http/1.1 when offered h2, http/1.1'],
      ['modernity.ipv6', 1, 'egov.example.kz: no AAAA record'],
    ]);
  });

  it('every endpoint must have it: one without TLS 1.3 among several costs the points', () => {
    const r = modernityComponent([tlsEvidence(), tlsEvidence({ endpoint: 'api.example.kz:443', acceptedVersions: ['TLSv1.2'] })], [dnsEvidence()]);
    expect(r.findings.map((f) => f.rule)).toEqual(['modernity.tls13']);
    expect(r.points).toBe(3);
  });

  it('unseen is not rewarded: no TLS or DNS evidence loses the points with a finding that says so', () => {
    const r = modernityComponent([], []);
    expect(r.points).toBe(0);
    expect(r.findings.map((f) => [f.rule, f.evidence])).toEqual([
      ['modernity.tls13', { fact: 'no TLS evidence' }],
      ['modernity.http2', { fact: 'no TLS evidence' }],
      ['modernity.ipv6', { fact: 'no DNS evidence' }],
    ]);
  });
});
