import { ProbeNetworkPolicy } from '@kuzet/contracts';
import { startSimulator, SimulatorHandle, SimulatedSystemInfo } from '@kuzet/simulator';
import { CheckOutcome, CheckSpec } from '@kuzet/checks';
import {
  CheckRunnerRegistry,
  DEADLINE_SLACK_MS,
  DnsCheckRunner,
  HttpCheckRunner,
  TcpCheckRunner,
  TlsCheckRunner,
} from '@kuzet/checks';
import { quietLogger } from '../simulator/support/quiet-logger';

/**
 * The runners against the real simulated fleet, in-process: each fault the simulator can inject
 * must come out as the outcome and error class the detector expects.
 */
describe('check runners against the simulator', () => {
  // modern persona (TLS 1.2/1.3), abandoned persona (TLS 1.0-1.2), and a few to break.
  const CODES = ['smart-bridge', 'adilet', 'esf', 'damumed', 'enpf', 'gov-kz'];
  let sim: SimulatorHandle;
  const http = new HttpCheckRunner();
  const tcp = new TcpCheckRunner();
  const dns = new DnsCheckRunner();
  const tls = new TlsCheckRunner();
  const sys = (code: string): SimulatedSystemInfo => sim.systems.find((s) => s.code === code)!;
  const spec = (over: Partial<CheckSpec>): CheckSpec => ({
    kind: 'http',
    target: '',
    timeoutMs: 3000,
    conditions: [],
    thresholds: {},
    options: {},
    ...over,
  });
  beforeAll(async () => {
    sim = await startSimulator({ controlPort: 0, systems: CODES, logger: quietLogger() });
  });
  afterAll(() => sim?.stop());
  afterEach(() => sim.clearFaults());

  // *.sim.kuzet.test does not resolve through the OS resolver, so http/tls checks connect to
  // 127.0.0.1 and verify the certificate against the system name (servername).
  const httpsByIp = (code: string, path = '/health', over: Partial<CheckSpec> = {}) =>
    spec({
      target: `https://127.0.0.1:${sys(code).ports.https}${path}`,
      ...over,
      options: { ca_pem: sim.caPem, servername: sys(code).hostname, ...over.options },
    });

  it('http: up, with conditions true, timings, TLS details and picked headers', async () => {
    const r = await http.check(
      httpsByIp('smart-bridge', '/health', {
        conditions: ['[STATUS] == 200', '[BODY].status == "UP"', '[CERTIFICATE_EXPIRATION] > 24h', '[CONNECTED] == true'],
      }),
    );
    expect(r).toMatchObject({ outcome: CheckOutcome.Up, statusCode: 200, ip: '127.0.0.1' });
    expect(r.errorClass).toBeUndefined();
    expect(r.conditions).toHaveLength(4);
    expect(r.conditions.every((c) => c.success)).toBe(true);
    expect(r.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(r.timings.tlsMs).toBeGreaterThan(0);
    expect(r.timings.ttfbMs).toBeGreaterThan(0);
    expect(r.timings.totalMs).toBeGreaterThanOrEqual(r.timings.ttfbMs!);
    expect(r.tls).toMatchObject({ chainValid: true, protocol: 'TLSv1.3' });
    expect(r.tls!.daysToExpiry).toBeGreaterThan(30);
    expect(r.tls!.subject).toContain('smart-bridge.sim.kuzet.test');
    expect(r.headers).toMatchObject({ server: 'nginx/1.28.0' });
    expect(r.headers!['strict-transport-security']).toContain('max-age');
  });

  it('http: plain http with abandoned persona headers', async () => {
    const r = await http.check(spec({ target: `http://127.0.0.1:${sys('adilet').ports.http}/` }));
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.tls).toBeUndefined();
    expect(r.headers).toMatchObject({ server: 'Apache/2.2.15 (CentOS)', 'x-powered-by': 'PHP/5.6.40' });
  });

  it('http: 5xx is Down status', async () => {
    await sim.injectFault('esf', { type: 'down', mode: '5xx', status: 503 });
    const r = await http.check(httpsByIp('esf'));
    expect(r).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'status', statusCode: 503 });
  });

  it('http: refused is Down connect', async () => {
    await sim.injectFault('esf', { type: 'down', mode: 'refused' });
    const r = await http.check(httpsByIp('esf'));
    expect(r).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'connect' });
    expect(r.errorMessage).toContain('ECONNREFUSED');
  });

  it('http: a never-answering server is Down timeout within timeoutMs + slack', async () => {
    await sim.injectFault('esf', { type: 'down', mode: 'timeout' });
    const started = Date.now();
    const r = await http.check(httpsByIp('esf', '/health', { timeoutMs: 800 }));
    const took = Date.now() - started;
    expect(r).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'timeout' });
    expect(took).toBeGreaterThanOrEqual(780);
    expect(took).toBeLessThan(800 + DEADLINE_SLACK_MS);
  });

  it('http: slow is Degraded over the threshold', async () => {
    await sim.injectFault('enpf', { type: 'slow', latency_ms: { distribution: 'fixed', ms: 400 } });
    const r = await http.check(httpsByIp('enpf', '/health', { thresholds: { degradedMs: 200 } }));
    expect(r.outcome).toBe(CheckOutcome.Degraded);
    expect(r.errorClass).toBeUndefined();
    expect(r.latencyMs).toBeGreaterThan(200);
  });

  it('http: wrong content is Down assertion with the condition outcome', async () => {
    await sim.injectFault('enpf', { type: 'wrong_content', body: '{"status":"DOWN"}' });
    const r = await http.check(httpsByIp('enpf', '/health', { conditions: ['[STATUS] == 200', '[BODY].status == "UP"'] }));
    expect(r).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'assertion', statusCode: 200 });
    expect(r.conditions[0].success).toBe(true);
    expect(r.conditions[1]).toMatchObject({ condition: '[BODY].status == "UP"', success: false });
    expect(r.conditions[1].actual).toContain('DOWN');
  });

  it('http: an expired certificate is Down tls, with the certificate recorded', async () => {
    await sim.injectFault('gov-kz', { type: 'cert_expired', days_ago: 2 });
    const r = await http.check(httpsByIp('gov-kz'));
    expect(r).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'tls' });
    expect(r.errorMessage).toContain('CERT_HAS_EXPIRED');
    expect(r.tls).toMatchObject({ chainValid: false, authorizationError: 'CERT_HAS_EXPIRED' });
    expect(r.tls!.daysToExpiry).toBeLessThan(0);
    expect(r.statusCode).toBeUndefined();
  });

  it('http: without the simulator CA the chain is not trusted', async () => {
    const r = await http.check(httpsByIp('smart-bridge', '/health', { options: { ca_pem: undefined } }));
    expect(r).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'tls' });
  });

  it('http: the network guard refusing 127.0.0.1 is Down with a clear message, nothing connected', async () => {
    const policy = ProbeNetworkPolicy.fromCidrs([]);
    const r = await http.check(httpsByIp('smart-bridge', '/health', { networkGuard: policy, conditions: ['[CONNECTED] == true'] }));
    expect(r).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'connect' });
    expect(r.errorMessage).toMatch(/probe network policy.*loopback/);
    expect(r.timings.connectMs).toBeUndefined();
    expect(r.conditions[0].success).toBe(false);
    const allowed = await http.check(
      httpsByIp('smart-bridge', '/health', { networkGuard: ProbeNetworkPolicy.fromCidrs(['127.0.0.0/8']) }),
    );
    expect(allowed.outcome).toBe(CheckOutcome.Up);
  });

  it('http: redirects are followed (each hop guarded) or not; the body cap stops reading', async () => {
    const { createServer } = await import('node:http');
    const target = `http://127.0.0.1:${sys('adilet').ports.http}/`;
    const server = createServer((req, res) => {
      const to = req.url === '/elsewhere' ? `http://127.0.0.2:${sys('adilet').ports.http}/` : target;
      res.writeHead(302, { location: to }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const followed = await http.check(spec({ target: `http://127.0.0.1:${port}/`, options: { max_body_bytes: 16 } }));
      expect(followed).toMatchObject({ outcome: CheckOutcome.Up, statusCode: 200 });
      expect(followed.http).toMatchObject({ urls: [`http://127.0.0.1:${port}/`, target], bodyBytes: 16, bodyTruncated: true });

      const notFollowed = await http.check(
        spec({ target: `http://127.0.0.1:${port}/`, options: { follow_redirects: false } }),
      );
      expect(notFollowed).toMatchObject({ outcome: CheckOutcome.Up, statusCode: 302 });

      const onlyDotOne = (a: string) => {
        if (a !== '127.0.0.1') throw new Error(`${a} is not allowed`);
      };
      const guarded = await http.check(
        spec({ target: `http://127.0.0.1:${port}/elsewhere`, networkGuard: onlyDotOne }),
      );
      expect(guarded).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'connect' });
      expect(guarded.errorMessage).toContain('127.0.0.2 is not allowed');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('tls: healthy modern persona accepts only TLS 1.2 and 1.3, with forward secrecy', async () => {
    const r = await tls.check(
      spec({
        kind: 'tls',
        target: `127.0.0.1:${sys('smart-bridge').ports.https}`,
        options: { servername: sys('smart-bridge').hostname, ca_pem: sim.caPem },
        conditions: ['[CERTIFICATE_EXPIRATION] > 30d'],
      }),
    );
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.conditions[0].success).toBe(true);
    expect(r.tls).toMatchObject({ chainValid: true, forwardSecrecy: true, acceptedVersions: ['TLSv1.2', 'TLSv1.3'] });
    expect(r.tls!.keyBits).toBeGreaterThan(0);
  });

  it('tls: abandoned persona accepts TLS 1.0 to 1.2', async () => {
    const r = await tls.check(
      spec({
        kind: 'tls',
        target: `127.0.0.1:${sys('adilet').ports.https}`,
        options: { servername: sys('adilet').hostname, ca_pem: sim.caPem },
      }),
    );
    expect(r.outcome).toBe(CheckOutcome.Up);
    expect(r.tls!.acceptedVersions).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
  });

  it('tls: a certificate expiring within warn_days is Degraded; expired is Down tls', async () => {
    const target = `127.0.0.1:${sys('gov-kz').ports.https}`;
    const options = { servername: sys('gov-kz').hostname, ca_pem: sim.caPem };
    await sim.injectFault('gov-kz', { type: 'cert_expiring', days: 5 });
    const expiring = await tls.check(spec({ kind: 'tls', target, options }));
    expect(expiring.outcome).toBe(CheckOutcome.Degraded);
    expect(expiring.errorMessage).toContain('expires in');
    expect(expiring.tls!.daysToExpiry).toBeLessThanOrEqual(5);

    await sim.injectFault('gov-kz', { type: 'cert_expired', days_ago: 1 });
    const expired = await tls.check(spec({ kind: 'tls', target, options }));
    expect(expired).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'tls' });
  });

  it('tls: a wrong host name is Down tls', async () => {
    const r = await tls.check(
      spec({
        kind: 'tls',
        target: `127.0.0.1:${sys('smart-bridge').ports.https}`,
        options: { servername: 'someone-else.sim.kuzet.test', ca_pem: sim.caPem },
      }),
    );
    expect(r).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'tls' });
    expect(r.tls!.authorizationError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('dns: A answer from the simulator resolver; SERVFAIL is Down dns; silence is Down timeout', async () => {
    const resolver = `127.0.0.1:${sim.dnsPort}`;
    const ok = await dns.check(
      spec({
        kind: 'dns',
        target: sys('damumed').hostname,
        options: { resolver, record_type: 'A', expect: ['127.0.0.1'] },
        conditions: ['[DNS_RCODE] == NOERROR'],
      }),
    );
    expect(ok).toMatchObject({ outcome: CheckOutcome.Up, dns: { rcode: 'NOERROR', answers: ['127.0.0.1'] } });
    expect(ok.conditions[0].success).toBe(true);

    const wrong = await dns.check(
      spec({ kind: 'dns', target: sys('damumed').hostname, options: { resolver, expect: ['10.0.0.1'] } }),
    );
    expect(wrong).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'assertion' });

    await sim.injectFault('damumed', { type: 'dns_servfail' });
    const servfail = await dns.check(spec({ kind: 'dns', target: sys('damumed').hostname, options: { resolver } }));
    expect(servfail).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'dns', dns: { rcode: 'SERVFAIL' } });

    const nx = await dns.check(spec({ kind: 'dns', target: 'nope.sim.kuzet.test', options: { resolver } }));
    expect(nx).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'dns', dns: { rcode: 'NXDOMAIN' } });

    await sim.injectFault('damumed', { type: 'dns_timeout' });
    const started = Date.now();
    const silent = await dns.check(
      spec({ kind: 'dns', target: sys('damumed').hostname, timeoutMs: 500, options: { resolver } }),
    );
    expect(silent).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'timeout' });
    expect(Date.now() - started).toBeLessThan(500 + DEADLINE_SLACK_MS);
  });

  it('tcp: banner expected; send PING expect PONG; refused is Down connect', async () => {
    const target = `127.0.0.1:${sys('esf').ports.tcp}`;
    const banner = await tcp.check(spec({ kind: 'tcp', target, options: { expect: 'KUZET-SIM esf READY' } }));
    expect(banner).toMatchObject({ outcome: CheckOutcome.Up, tcp: { received: expect.stringContaining('READY') } });
    expect(banner.timings.connectMs).toBeDefined();

    const ping = await tcp.check(spec({ kind: 'tcp', target, options: { send: 'PING\r\n', expect: 'PONG' } }));
    expect(ping.outcome).toBe(CheckOutcome.Up);

    await sim.injectFault('esf', { type: 'down', mode: 'refused' });
    const refused = await tcp.check(spec({ kind: 'tcp', target }));
    expect(refused).toMatchObject({ outcome: CheckOutcome.Down, errorClass: 'connect' });
  });

  it('registry: dispatches by kind and leaves heartbeat Unknown', async () => {
    const registry = new CheckRunnerRegistry();
    const r = await registry.check(spec({ kind: 'tcp', target: `127.0.0.1:${sys('adilet').ports.tcp}` }));
    expect(r.outcome).toBe(CheckOutcome.Up);
    const hb = await registry.check(spec({ kind: 'heartbeat' }));
    expect(hb.outcome).toBe(CheckOutcome.Unknown);
  });
});
