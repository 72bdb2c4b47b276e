import { probeEvidence } from './probe-evidence';
import type { LatestCheckRun } from './probe-evidence';

const AT = '2026-03-10T07:00:00.000Z';
const run = (over: Partial<LatestCheckRun>): LatestCheckRun => ({
  checkId: 1,
  kind: 'tls',
  target: 'pay.gov.test:443',
  servername: null,
  region: 'almaty',
  observedAt: AT,
  details: {},
  ...over,
});

const TLS = {
  protocol: 'TLSv1.2',
  cipher: 'AES128-SHA',
  subject: 'CN=pay.gov.test',
  issuer: 'CN=Test CA',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2026-03-01T00:00:00.000Z',
  daysToExpiry: -9,
  chainValid: false,
  authorizationError: 'CERT_HAS_EXPIRED',
  keyBits: 1024,
  forwardSecrecy: false,
  acceptedVersions: ['TLSv1', 'TLSv1.2', 'SSLv3'],
};

describe('probeEvidence (latest runs -> the scorer input)', () => {
  it('maps a tls check run with its source; facts an older agent did not send are null, never guessed', () => {
    const e = probeEvidence([run({ details: { tls: TLS } })]);
    expect(e.tls).toEqual([
      {
        checkId: 1,
        region: 'almaty',
        observedAt: AT,
        endpoint: 'pay.gov.test:443',
        acceptedVersions: ['TLSv1', 'TLSv1.2'],
        negotiatedVersion: 'TLSv1.2',
        cipher: 'AES128-SHA',
        cipherBits: null,
        forwardSecrecy: false,
        keyType: null,
        keyBits: 1024,
        certificate: {
          valid: false,
          error: 'CERT_HAS_EXPIRED',
          daysToExpiry: -9,
          validTo: '2026-03-01T00:00:00.000Z',
          signatureAlgorithm: null,
          chainLength: null,
          selfSigned: null,
        },
        alpn: null,
      },
    ]);
    expect(e.http).toEqual([]);
    expect(e.dns).toEqual([]);
  });

  it('reads the facts added for scoring, and IPv6 of the tls check host (its SNI name when set)', () => {
    const details = { tls: { ...TLS, keyType: 'RSA', cipherBits: 128, signatureAlgorithm: 'sha1WithRSAEncryption', chainLength: 2, selfSigned: false, alpn: 'h2', ipv6: true } };
    const e = probeEvidence([run({ servername: 'pay.gov.kz', details })]);
    expect(e.tls[0]).toMatchObject({ keyType: 'RSA', cipherBits: 128, alpn: 'h2', certificate: { signatureAlgorithm: 'sha1WithRSAEncryption', chainLength: 2, selfSigned: false } });
    expect(e.dns).toEqual([{ checkId: 1, region: 'almaty', observedAt: AT, host: 'pay.gov.kz', ipv6: true }]);
  });

  it('maps an http run: lower-cased headers, cookie attributes, the last URL, https and redirect facts', () => {
    const details = {
      headers: { Server: 'Apache/2.2.15', 'x-powered-by': 'PHP/5.6.40' },
      http: {
        urls: ['http://portal.gov.test/', 'https://portal.gov.test/'],
        cookies: [{ name: 'PHPSESSID', secure: false, httpOnly: true, sameSite: null }, { bad: 1 }],
        redirectsToHttps: true,
      },
    };
    const e = probeEvidence([run({ checkId: 7, kind: 'http', target: 'http://portal.gov.test/', details })]);
    expect(e.http).toEqual([
      {
        checkId: 7,
        region: 'almaty',
        observedAt: AT,
        url: 'https://portal.gov.test/',
        headers: { server: 'Apache/2.2.15', 'x-powered-by': 'PHP/5.6.40' },
        cookies: [{ name: 'PHPSESSID', secure: false, httpOnly: true, sameSite: null }],
        redirectsToHttps: true,
        https: true,
      },
    ]);
  });

  it('skips an http run that got no answer, and reads AAAA answers of dns checks', () => {
    const e = probeEvidence([
      run({ kind: 'http', target: 'https://x.test/', details: { timings: { totalMs: 3 } } }),
      run({ checkId: 3, kind: 'dns', target: 'x.test', details: { dns: { recordType: 'AAAA', rcode: 'NOERROR', answers: ['::1'] } } }),
      run({ checkId: 4, kind: 'dns', target: 'y.test', details: { dns: { recordType: 'AAAA', rcode: 'NOERROR', answers: [] } } }),
      run({ checkId: 5, kind: 'dns', target: 'z.test', details: { dns: { recordType: 'A', rcode: 'NOERROR', answers: ['1.2.3.4'] } } }),
    ]);
    expect(e.http).toEqual([]);
    expect(e.dns.map((d) => [d.host, d.ipv6])).toEqual([['x.test', true], ['y.test', false]]);
  });

  it("uses an https check's handshake only when the system has no tls check", () => {
    const https = run({ checkId: 9, kind: 'http', target: 'https://x.test/', details: { tls: { ...TLS, acceptedVersions: undefined }, headers: {} } });
    expect(probeEvidence([https]).tls.map((t) => [t.checkId, t.acceptedVersions])).toEqual([[9, ['TLSv1.2']]]);
    expect(probeEvidence([https, run({ details: { tls: TLS } })]).tls.map((t) => t.checkId)).toEqual([1]);
  });
});
