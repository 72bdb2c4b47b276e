import { CheckRunResult, TlsCheckRunner } from '@kuzet/checks';
import { rateTls, SSL_LABS_REFERENCE_SETUPS, TlsEvidence } from '@kuzet/scoring';
import { startTlsLab, TlsLabHandle, TlsLabSetup } from '@kuzet/simulator';

/**
 * Agreement with the SSL Labs rating guide (https://github.com/ssllabs/research/wiki/SSL-Server-Rating-Guide):
 * each TLS lab set-up is probed by the real tls runner, the probe's facts go through rateTls, and
 * the letter must be the one the guide gives for that set-up (worked out in libs/scoring's
 * SSL_LABS_REFERENCE_SETUPS). The guide's sections that decide each letter:
 */
const GUIDE_SECTION: Record<string, string> = {
  'tls10-only':
    'Table 2 (protocol support) and "Changes": TLS 1.2 not supported caps C (2015), TLS 1.0 caps B (2020)',
  'tls12-no-forward-secrecy': '"Changes" (March 2018): no forward secrecy caps B',
  modern: 'Methodology, Tables 2-4 (protocol, key exchange, cipher strength): numeric score >= 80 -> A',
  'expired-certificate': 'Certificate Inspection (expired) and Methodology step 4: untrusted -> T',
  'wrong-host': 'Certificate Inspection (domain name mismatch): M',
  'self-signed': 'Certificate Inspection (self-signed) and Methodology step 4: untrusted -> T',
  'rsa-1024': 'Table 3 (key exchange) and "Changes" (January 2014): keys below 2048 bits cap B',
  'sha1-signature': '"Changes" (January 2017): SHA-1 leaf certificates not trusted -> T',
  'tls10-to-tls12': 'Table 2 (best/worst protocol average) and "Changes" (2020): TLS 1.0/1.1 cap B',
  'modern-with-hsts': '"Changes" (January 2014): A with HSTS of a long max-age -> A+',
};
/** The lab serves no HSTS: a reference set-up that needs it is the lab's modern one plus its max-age. */
const LAB_SETUP_OF: Record<string, string> = { 'modern-with-hsts': 'modern' };

/** The scorer's TLS evidence from one run of the tls runner, as the API builds it from stored details. */
function tlsEvidence(setup: TlsLabSetup, result: CheckRunResult, observedAt: string): TlsEvidence {
  const tls = result.tls;
  if (!tls) throw new Error(`${setup.name}: the run saw no TLS (${result.errorMessage})`);
  return {
    checkId: 1,
    region: 'local',
    observedAt,
    endpoint: `127.0.0.1:${setup.port}`,
    acceptedVersions: tls.acceptedVersions ?? [],
    negotiatedVersion: tls.protocol,
    cipher: tls.cipher,
    cipherBits: tls.cipherBits ?? null,
    forwardSecrecy: tls.forwardSecrecy ?? null,
    keyType: tls.keyType ?? null,
    keyBits: tls.keyBits ?? null,
    certificate: {
      valid: tls.chainValid,
      error: tls.authorizationError ?? null,
      daysToExpiry: tls.daysToExpiry,
      validTo: tls.validTo,
      signatureAlgorithm: tls.signatureAlgorithm ?? null,
      chainLength: tls.chainLength ?? null,
      selfSigned: tls.selfSigned ?? null,
    },
    alpn: tls.alpn ?? null,
  };
}

describe('TLS rating agrees with the SSL Labs rating guide on the TLS lab', () => {
  let lab: TlsLabHandle;
  const runner = new TlsCheckRunner();
  const served = SSL_LABS_REFERENCE_SETUPS.filter((r) => r.hstsMaxAge === null);

  beforeAll(async () => {
    lab = await startTlsLab();
  });
  afterAll(() => lab?.close());

  it('serves every reference set-up without HSTS, at least eight, and names the guide section of each', () => {
    expect(served.length).toBeGreaterThanOrEqual(8);
    expect(lab.setups.map((s) => s.name)).toEqual(expect.arrayContaining(served.map((r) => r.id)));
    for (const reference of SSL_LABS_REFERENCE_SETUPS) expect(GUIDE_SECTION[reference.id]).toBeDefined();
  });

  it.each(SSL_LABS_REFERENCE_SETUPS.map((r) => [r.id, r.expectedGrade, r.hstsMaxAge] as const))(
    '%s gets %s',
    async (id, expected, hstsMaxAge) => {
      const setup = lab.setups.find((s) => s.name === (LAB_SETUP_OF[id] ?? id))!;
      const observedAt = new Date().toISOString();
      const result = await runner.check({
        kind: 'tls',
        target: `127.0.0.1:${setup.port}`,
        timeoutMs: 10_000,
        conditions: [],
        thresholds: {},
        options: { ca_pem: setup.caPem, servername: setup.host },
      });
      const rating = rateTls([tlsEvidence(setup, result, observedAt)], { hstsMaxAge });
      expect({ id, section: GUIDE_SECTION[id], grade: rating?.grade }).toEqual({
        id,
        section: GUIDE_SECTION[id],
        grade: expected,
      });
    },
  );
});
