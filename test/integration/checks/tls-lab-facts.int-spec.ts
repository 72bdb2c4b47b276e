import { CheckOutcome, CheckRunResult, TlsCheckRunner } from '@kuzet/checks';
import { startTlsLab, TlsLabHandle, TlsLabSetup } from '@kuzet/simulator';

/**
 * The real tls runner against every set-up of the simulator's TLS lab (real handshakes on
 * loopback): each fact the technology-debt score grades must be read as the set-up serves it.
 */
describe('tls runner facts from the TLS lab', () => {
  let lab: TlsLabHandle;
  const results = new Map<string, CheckRunResult>();
  const runner = new TlsCheckRunner();
  const run = (setup: TlsLabSetup) =>
    runner.check({
      kind: 'tls',
      target: `127.0.0.1:${setup.port}`,
      timeoutMs: 10_000,
      conditions: [],
      thresholds: {},
      options: { ca_pem: setup.caPem, servername: setup.host },
    });
  const result = (name: string): CheckRunResult => {
    const r = results.get(name);
    if (!r) throw new Error(`no result for ${name}`);
    return r;
  };

  beforeAll(async () => {
    lab = await startTlsLab();
    // One after the other: each run makes five handshakes, and the machine is shared.
    for (const setup of lab.setups) results.set(setup.name, await run(setup));
  });
  afterAll(() => lab?.close());

  it('serves at least the eight set-ups the SSL Labs agreement test needs, on distinct ports', () => {
    const names = lab.setups.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'tls10-only',
        'tls12-no-forward-secrecy',
        'modern',
        'expired-certificate',
        'wrong-host',
        'self-signed',
        'rsa-1024',
        'sha1-signature',
        'tls10-to-tls12',
      ]),
    );
    expect(new Set(lab.setups.map((s) => s.port)).size).toBe(lab.setups.length);
  });

  it('modern: TLS 1.2 + 1.3, forward secrecy, RSA 2048 with SHA-256, a valid chain of two, h2', () => {
    const r = result('modern');
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.tls).toMatchObject({
      protocol: 'TLSv1.3',
      acceptedVersions: ['TLSv1.2', 'TLSv1.3'],
      forwardSecrecy: true,
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      chainValid: true,
      chainLength: 2,
      selfSigned: false,
      alpn: 'h2',
    });
    expect(r.tls!.cipherBits).toBeGreaterThanOrEqual(128);
    expect(r.tls!.authorizationError).toBeUndefined();
  });

  it('tls10-only: accepted alone as TLS 1.0; described by the legacy handshake; down for a modern client', () => {
    const r = result('tls10-only');
    expect(r.tls).toMatchObject({
      protocol: 'TLSv1',
      acceptedVersions: ['TLSv1'],
      forwardSecrecy: true,
      keyBits: 2048,
      chainValid: true,
      alpn: 'http/1.1',
    });
    expect(r.outcome).toBe(CheckOutcome.Down);
    expect(r.errorClass).toBe('tls');
    expect(r.errorMessage).toContain(
      'no handshake with a default (TLS 1.2+) client: ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
    );
  });

  it('tls10-to-tls12: all three old-to-current versions accepted, TLS 1.2 negotiated', () => {
    const r = result('tls10-to-tls12');
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.tls).toMatchObject({
      protocol: 'TLSv1.2',
      acceptedVersions: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
      chainValid: true,
    });
  });

  it('tls12-no-forward-secrecy: RSA key exchange, AES-128-GCM, no forward secrecy', () => {
    const r = result('tls12-no-forward-secrecy');
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.tls).toMatchObject({
      protocol: 'TLSv1.2',
      acceptedVersions: ['TLSv1.2'],
      cipher: 'AES128-GCM-SHA256',
      cipherBits: 128,
      forwardSecrecy: false,
    });
  });

  it('expired-certificate: CERT_HAS_EXPIRED, negative days to expiry', () => {
    const r = result('expired-certificate');
    expect(r.outcome).toBe(CheckOutcome.Down);
    expect(r.tls).toMatchObject({
      chainValid: false,
      authorizationError: 'CERT_HAS_EXPIRED',
      selfSigned: false,
    });
    expect(r.tls!.daysToExpiry).toBeLessThan(0);
  });

  it('wrong-host: the host name does not match', () => {
    const r = result('wrong-host');
    expect(r.outcome).toBe(CheckOutcome.Down);
    expect(r.tls).toMatchObject({
      chainValid: false,
      authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
      selfSigned: false,
    });
  });

  it('self-signed: signed by its own key, a chain of one', () => {
    const r = result('self-signed');
    expect(r.outcome).toBe(CheckOutcome.Down);
    expect(r.tls).toMatchObject({
      chainValid: false,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      selfSigned: true,
      chainLength: 1,
    });
  });

  it('rsa-1024: a 1024-bit RSA key', () => {
    const r = result('rsa-1024');
    expect(r.tls).toMatchObject({
      keyType: 'RSA',
      keyBits: 1024,
      signatureAlgorithm: 'sha256WithRSAEncryption',
    });
    // trusted at Node 20's default security level 1 (80 bits); graded down by the scorer, not refused here
    expect(r.tls!.chainValid).toBe(true);
  });

  it('sha1-signature: the leaf is signed with SHA-1', () => {
    const r = result('sha1-signature');
    expect(r.tls).toMatchObject({
      keyBits: 2048,
      signatureAlgorithm: 'sha1WithRSAEncryption',
      selfSigned: false,
    });
    // Node 20's OpenSSL (security level 1) refuses the SHA-1 signature when verifying; it names no reason
    expect(r.tls!.chainValid).toBe(false);
    expect(r.outcome).toBe(CheckOutcome.Down);
  });
});
