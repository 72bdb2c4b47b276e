import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as http2 from 'node:http2';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { SimulatedSystemInfo, SimulatorHandle, startSimulator } from '@kuzet/simulator';
import { dnsQuery, httpGet, tcpTalk, tlsHandshake } from './support/sim-clients';
import { quietLogger } from './support/quiet-logger';

/** The whole fleet, healthy, seen through real clients; plus the catalog it writes. */
describe('simulated fleet: protocols', () => {
  let sim: SimulatorHandle;
  let catalogDir: string;
  const sys = (code: string): SimulatedSystemInfo => sim.systems.find((s) => s.code === code)!;

  beforeAll(async () => {
    catalogDir = mkdtempSync(path.join(tmpdir(), 'kuzet-sim-catalog-'));
    sim = await startSimulator({ controlPort: 0, catalogDir, intervalS: 2, logger: quietLogger() });
  });
  afterAll(async () => {
    await sim?.stop();
    rmSync(catalogDir, { recursive: true, force: true });
  });

  it('starts every system of the fleet on distinct loopback ports', () => {
    expect(sim.systems.length).toBeGreaterThanOrEqual(30);
    expect(new Set(sim.systems.map((s) => s.agency)).size).toBeGreaterThanOrEqual(10);
    const ports = sim.systems.flatMap((s) => [s.ports.http, s.ports.https, s.ports.tcp]);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.every((p) => p > 0)).toBe(true);
    expect(sim.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers GET /health over HTTP with persona headers', async () => {
    const modern = await httpGet(`http://127.0.0.1:${sys('egov-portal').ports.http}/health`);
    expect(modern.status).toBe(200);
    expect(JSON.parse(modern.body)).toEqual({ status: 'UP', system: 'egov-portal' });
    expect(modern.headers.server).toBe('nginx/1.28.0');
    expect(modern.headers['content-security-policy']).toBe("default-src 'self'");
    expect(modern.headers['x-powered-by']).toBeUndefined();

    const windows = await httpGet(`http://127.0.0.1:${sys('esf').ports.http}/health`);
    expect(windows.headers).toMatchObject({
      server: 'Microsoft-IIS/7.5',
      'x-powered-by': 'ASP.NET',
      'x-aspnet-version': '4.0.30319',
    });

    const page = await httpGet(`http://127.0.0.1:${sys('esf').ports.http}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('«Электрондық шот-фактуралар» ақпараттық жүйесі');
  });

  it('answers HTTPS for every system with a certificate from the generated CA', async () => {
    for (const s of sim.systems) {
      const res = await httpGet(`https://127.0.0.1:${s.ports.https}/health`, {
        ca: sim.caPem,
        servername: s.hostname,
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).system).toBe(s.code);
    }
    const modern = await httpGet(`https://127.0.0.1:${sys('egov-portal').ports.https}/health`, {
      ca: sim.caPem,
      servername: 'egov-portal.sim.kuzet.test',
    });
    expect(modern.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // by IP alone, without SNI, the certificate still verifies (it names 127.0.0.1)
    expect(
      (await httpGet(`https://127.0.0.1:${sys('esf').ports.https}/health`, { ca: sim.caPem })).status,
    ).toBe(200);
  });

  it('refuses HTTPS from a client that does not trust the simulator CA', async () => {
    await expect(
      httpGet(`https://127.0.0.1:${sys('esf').ports.https}/health`, { servername: 'esf.sim.kuzet.test' }),
    ).rejects.toMatchObject({
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
  });

  it('accepts exactly the persona TLS versions', async () => {
    const versions = async (code: string) => {
      const out: Record<string, boolean> = {};
      for (const v of ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const) {
        out[v] = (
          await tlsHandshake({
            port: sys(code).ports.https,
            version: v,
            ca: sim.caPem,
            servername: sys(code).hostname,
          })
        ).ok;
      }
      return out;
    };
    expect(await versions('adilet')).toEqual({
      TLSv1: true,
      'TLSv1.1': true,
      'TLSv1.2': true,
      'TLSv1.3': false,
    }); // abandoned
    expect(await versions('egov-portal')).toEqual({
      TLSv1: false,
      'TLSv1.1': false,
      'TLSv1.2': true,
      'TLSv1.3': true,
    }); // modern
    expect(await versions('esf')).toEqual({
      TLSv1: true,
      'TLSv1.1': false,
      'TLSv1.2': true,
      'TLSv1.3': false,
    }); // legacy-windows
    expect(await versions('damumed')).toEqual({
      TLSv1: false,
      'TLSv1.1': true,
      'TLSv1.2': true,
      'TLSv1.3': false,
    }); // neglected
  });

  it('negotiates HTTP/2 for personas that have it', async () => {
    const s = sys('egov-portal');
    const session = http2.connect(`https://127.0.0.1:${s.ports.https}`, {
      ca: sim.caPem,
      servername: s.hostname,
    });
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = session.request({ ':path': '/health' });
        let status = 0;
        let body = '';
        req.on('response', (h) => (status = Number(h[':status'])));
        req.setEncoding('utf8');
        req.on('data', (c: string) => (body += c));
        req.on('end', () => resolve({ status, body }));
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      expect(JSON.parse(body).status).toBe('UP');
      expect(session.alpnProtocol).toBe('h2');
    } finally {
      session.close();
    }
  });

  it('resolves every system name over UDP and TCP DNS, NXDOMAIN for unknown names', async () => {
    for (const s of sim.systems) {
      const reply = await dnsQuery(sim.dnsPort, s.hostname);
      expect(reply.rcode).toBe('NOERROR');
      expect(reply.answers).toEqual([
        expect.objectContaining({ type: 'A', name: s.hostname, data: '127.0.0.1' }),
      ]);
    }
    expect((await dnsQuery(sim.dnsPort, 'no-such-system.sim.kuzet.test')).rcode).toBe('NXDOMAIN');
    const overTcp = await dnsQuery(sim.dnsPort, 'esf.sim.kuzet.test', { transport: 'tcp' });
    expect(overTcp.answers?.[0]).toMatchObject({ type: 'A', data: '127.0.0.1' });
  });

  it('greets on the TCP port and answers PING with PONG', async () => {
    expect(await tcpTalk(sys('esf').ports.tcp, ['PING', 'HELLO'])).toEqual([
      'KUZET-SIM esf READY',
      'PONG',
      'ERR unknown command',
    ]);
  });

  it('writes a catalog that points at itself', () => {
    const files = readdirSync(path.join(catalogDir, 'systems'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(readFileSync(path.join(catalogDir, 'simulator-ca.pem'), 'utf8')).toBe(sim.caPem);
    const agencies = parse(readFileSync(path.join(catalogDir, 'agencies.yaml'), 'utf8')).agencies;
    expect(agencies.length).toBeGreaterThanOrEqual(10);
    const systems = files.flatMap(
      (f) => parse(readFileSync(path.join(catalogDir, 'systems', f), 'utf8')).systems,
    );
    expect(systems).toHaveLength(sim.systems.length);
    const esf = systems.find((s: { code: string }) => s.code === 'esf');
    const byCode = Object.fromEntries(esf.checks.map((c: { code: string }) => [c.code, c]));
    expect(byCode.https).toMatchObject({
      kind: 'http',
      target: `https://127.0.0.1:${sys('esf').ports.https}/health`,
      interval: '2s',
    });
    expect(byCode.tcp.target).toBe(`127.0.0.1:${sys('esf').ports.tcp}`);
    expect(byCode.dns.options.resolver).toBe(`127.0.0.1:${sim.dnsPort}`);
    expect(byCode.tls.target).toBe(`127.0.0.1:${sys('esf').ports.https}`);
  });
});
