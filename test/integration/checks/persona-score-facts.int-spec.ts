import * as dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from 'dns-packet';
import { CheckOutcome, CheckSpec, HttpCheckRunner, TlsCheckRunner } from '@kuzet/checks';
import { SimulatedSystemInfo, SimulatorHandle, startSimulator } from '@kuzet/simulator';
import { quietLogger } from '../simulator/support/quiet-logger';

/**
 * What the http and tls runners read from the simulated personas, as the technology-debt score
 * will grade it: headers, cookie flags, the plain-HTTP redirect, TLS versions, ALPN and AAAA.
 */
describe('score facts of the simulated personas', () => {
  // modern, dated, neglected, abandoned, legacy-windows
  const CODES = ['smart-bridge', 'egov-gateway', 'damumed', 'adilet', 'esf'];
  let sim: SimulatorHandle;
  const http = new HttpCheckRunner();
  const tls = new TlsCheckRunner();
  const sys = (code: string): SimulatedSystemInfo => sim.systems.find((s) => s.code === code)!;
  const spec = (over: Partial<CheckSpec>): CheckSpec => ({
    kind: 'http',
    target: '',
    timeoutMs: 5000,
    conditions: [],
    thresholds: {},
    options: {},
    ...over,
  });
  /** The demo catalog's https check: /health over HTTPS, asking the plain-HTTP landing page too. */
  const httpsCheck = (code: string) =>
    http.check(
      spec({
        target: `https://127.0.0.1:${sys(code).ports.https}/health`,
        options: {
          ca_pem: sim.caPem,
          servername: sys(code).hostname,
          plain_http_url: `http://127.0.0.1:${sys(code).ports.http}/`,
        },
      }),
    );
  const tlsCheck = (code: string, options: CheckSpec['options'] = {}) =>
    tls.check(
      spec({
        kind: 'tls',
        target: `127.0.0.1:${sys(code).ports.https}`,
        options: {
          ca_pem: sim.caPem,
          servername: sys(code).hostname,
          resolver: `127.0.0.1:${sim.dnsPort}`,
          ...options,
        },
      }),
    );

  beforeAll(async () => {
    sim = await startSimulator({ controlPort: 0, systems: CODES, logger: quietLogger() });
  });
  afterAll(() => sim?.stop());
  afterEach(() => sim.clearFaults());

  it('modern: security headers, a fully flagged cookie, and plain HTTP sent on to HTTPS', async () => {
    const r = await httpsCheck('smart-bridge');
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.headers).toMatchObject({
      server: 'nginx/1.28.0',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'content-security-policy': "default-src 'self'",
    });
    expect(r.headers!['x-powered-by']).toBeUndefined();
    expect(r.http!.cookies).toEqual([{ name: 'session', secure: true, httpOnly: true, sameSite: 'Lax' }]);
    expect(r.http!.redirectsToHttps).toBe(true);
    expect(r.http!.plainHttp).toEqual({
      url: `http://127.0.0.1:${sys('smart-bridge').ports.http}/`,
      status: 301,
      location: `https://127.0.0.1:${sys('smart-bridge').ports.https}/`,
    });
  });

  it('abandoned: old software banners, no HSTS, an unflagged cookie, plain HTTP served as is', async () => {
    const r = await httpsCheck('adilet');
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.headers).toMatchObject({ server: 'Apache/2.2.15 (CentOS)', 'x-powered-by': 'PHP/5.6.40' });
    expect(r.headers!['strict-transport-security']).toBeUndefined();
    expect(r.http!.cookies).toEqual([{ name: 'PHPSESSID', secure: false, httpOnly: false, sameSite: null }]);
    expect(r.http!.redirectsToHttps).toBe(false);
    expect(r.http!.plainHttp).toMatchObject({ status: 200 });
    // cookie values never reach the result
    expect(JSON.stringify(r)).not.toContain('simulated');
  });

  it('legacy-windows: the ASP.NET version and an HttpOnly-only session cookie', async () => {
    const r = await httpsCheck('esf');
    expect(r.headers).toMatchObject({
      server: 'Microsoft-IIS/7.5',
      'x-powered-by': 'ASP.NET',
      'x-aspnet-version': '4.0.30319',
    });
    expect(r.http!.cookies).toEqual([
      { name: 'ASP.NET_SessionId', secure: false, httpOnly: true, sameSite: null },
    ]);
    expect(r.http!.redirectsToHttps).toBe(false);
  });

  it('an http:// target of a dated system tells by itself that it ends on HTTPS', async () => {
    const r = await http.check(
      spec({
        target: `http://127.0.0.1:${sys('egov-gateway').ports.http}/`,
        options: { ca_pem: sim.caPem, servername: sys('egov-gateway').hostname },
      }),
    );
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.http!.urls).toEqual([
      `http://127.0.0.1:${sys('egov-gateway').ports.http}/`,
      `https://127.0.0.1:${sys('egov-gateway').ports.https}/`,
    ]);
    expect(r.http!.redirectsToHttps).toBe(true);
    expect(r.headers!['strict-transport-security']).toBe('max-age=86400');
    // not followed: the redirect itself is the answer
    const unfollowed = await http.check(
      spec({
        target: `http://127.0.0.1:${sys('egov-gateway').ports.http}/`,
        options: { follow_redirects: false },
      }),
    );
    expect(unfollowed.statusCode).toBe(301);
    expect(unfollowed.http!.redirectsToHttps).toBe(true);
    // the neglected system serves plain HTTP
    const neglected = await http.check(spec({ target: `http://127.0.0.1:${sys('damumed').ports.http}/` }));
    expect(neglected.http!.redirectsToHttps).toBe(false);
  });

  it('a plain-HTTP entry point that does not answer leaves the fact unknown and the check up', async () => {
    // another system's plain-HTTP port, closed by a fault: the one request gets no answer
    await sim.injectFault('adilet', { type: 'down', mode: 'refused' });
    const r = await http.check(
      spec({
        target: `https://127.0.0.1:${sys('smart-bridge').ports.https}/health`,
        options: {
          ca_pem: sim.caPem,
          servername: sys('smart-bridge').hostname,
          plain_http_url: `http://127.0.0.1:${sys('adilet').ports.http}/`,
        },
      }),
    );
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.http!.redirectsToHttps).toBeUndefined();
    expect(r.http!.plainHttp!.error).toMatch(/ECONNREFUSED/);
  });

  it('reads X-Generator among the software banners', async () => {
    await sim.injectFault('damumed', {
      type: 'headers_outdated',
      headers: { 'X-Generator': 'Drupal 7 (https://www.drupal.org)' },
    });
    const r = await http.check(spec({ target: `http://127.0.0.1:${sys('damumed').ports.http}/health` }));
    expect(r.headers!['x-generator']).toBe('Drupal 7 (https://www.drupal.org)');
  });

  it('tls: versions per persona, h2 by ALPN where the persona has HTTP/2, no AAAA in the simulator', async () => {
    const modern = await tlsCheck('smart-bridge');
    expect(modern.outcome).toBe(CheckOutcome.Up);
    expect(modern.tls).toMatchObject({
      acceptedVersions: ['TLSv1.2', 'TLSv1.3'],
      alpn: 'h2',
      forwardSecrecy: true,
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      chainLength: 2,
      selfSigned: false,
      ipv6: false,
    });
    const dated = await tlsCheck('egov-gateway');
    expect(dated.tls).toMatchObject({ acceptedVersions: ['TLSv1.2'], alpn: 'h2' });
    const neglected = await tlsCheck('damumed');
    expect(neglected.tls!.acceptedVersions).toEqual(['TLSv1.1', 'TLSv1.2']);
    expect(neglected.tls!.alpn).not.toBe('h2');
    const abandoned = await tlsCheck('adilet');
    expect(abandoned.tls!.acceptedVersions).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
    const windows = await tlsCheck('esf');
    expect(windows.tls!.acceptedVersions).toEqual(['TLSv1', 'TLSv1.2']);
  });

  it('tls: an AAAA record of the SNI name is seen as IPv6', async () => {
    const dns = await startAaaaServer('v6.example.test');
    try {
      const r = await tlsCheck('smart-bridge', {
        servername: 'v6.example.test',
        resolver: `127.0.0.1:${dns.port}`,
      });
      // the certificate does not name v6.example.test: down, but the fact is read all the same
      expect(r.tls!.ipv6).toBe(true);
      const none = await tlsCheck('smart-bridge', {
        servername: 'v4-only.example.test',
        resolver: `127.0.0.1:${dns.port}`,
      });
      expect(none.tls!.ipv6).toBe(false);
      const literal = await tls.check(
        spec({
          kind: 'tls',
          target: `127.0.0.1:${sys('smart-bridge').ports.https}`,
          options: { ca_pem: sim.caPem },
        }),
      );
      expect(literal.tls!.ipv6).toBeNull();
    } finally {
      dns.close();
    }
  });
});

/** A one-name authoritative DNS server on loopback: `name` AAAA ::1, every other name NXDOMAIN. */
async function startAaaaServer(name: string): Promise<{ port: number; close(): void }> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, peer) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    const known = question?.name.toLowerCase() === name;
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (known ? 0 : 3),
      questions: query.questions,
      answers:
        known && question?.type === 'AAAA' ? [{ type: 'AAAA', name, ttl: 5, class: 'IN', data: '::1' }] : [],
    });
    socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return { port: (socket.address() as AddressInfo).port, close: () => socket.close() };
}
