import { SimulatedSystemInfo, SimulatorHandle, startSimulator } from '@kuzet/simulator';
import {
  dnsQuery,
  httpGet,
  httpOutcome,
  sleep,
  tcpConnectOutcome,
  tcpTalk,
  tlsHandshake,
} from './support/sim-clients';
import { quietLogger } from './support/quiet-logger';

/** Every fault type changes what a real client sees, and clearing it restores the healthy answer. */
describe('simulated fleet: faults', () => {
  let sim: SimulatorHandle;
  // one per persona: modern, dated, neglected, abandoned, legacy-windows
  const codes = ['egov-portal', 'egov-gateway', 'damumed', 'adilet', 'esf'];
  const sys = (code: string): SimulatedSystemInfo => sim.systems.find((s) => s.code === code)!;
  const healthUrl = (code: string, scheme: 'http' | 'https' = 'http') =>
    `${scheme}://127.0.0.1:${sys(code).ports[scheme]}/health`;
  const secure = (code: string) => ({ ca: sim.caPem, servername: sys(code).hostname });
  const healthy = async (code: string) => {
    expect(await httpOutcome(healthUrl(code))).toBe('ok 200');
    expect(await httpOutcome(healthUrl(code, 'https'), secure(code))).toBe('ok 200');
  };

  beforeAll(async () => {
    sim = await startSimulator({ systems: codes, seed: 'faults', logger: quietLogger() });
  });
  afterEach(async () => {
    await sim.clearFaults();
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('down/refused: every port refuses, then re-listens on the same ports', async () => {
    const before = sys('esf').ports;
    await sim.injectFault('esf', { type: 'down', mode: 'refused' });
    expect(await httpOutcome(healthUrl('esf'))).toBe('ECONNREFUSED');
    expect(await httpOutcome(healthUrl('esf', 'https'), secure('esf'))).toBe('ECONNREFUSED');
    expect(await tcpConnectOutcome(sys('esf').ports.tcp)).toBe('ECONNREFUSED');
    await sim.clearFaults('esf');
    await healthy('esf');
    expect(await tcpTalk(before.tcp)).toEqual(['KUZET-SIM esf READY']);
  });

  it('down/timeout: connections are accepted and never answered', async () => {
    await sim.injectFault('esf', { type: 'down', mode: 'timeout' });
    expect(await tcpConnectOutcome(sys('esf').ports.http)).toBe('connected');
    expect(await httpOutcome(healthUrl('esf'), { timeoutMs: 400 })).toBe('ETIMEDOUT');
    expect(
      (await tlsHandshake({ port: sys('esf').ports.https, ...secure('esf'), timeoutMs: 400 })).code,
    ).toBe('ETIMEDOUT');
    await expect(tcpTalk(sys('esf').ports.tcp, [], 400)).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    await sim.clearFault('esf', 'down');
    await healthy('esf');
  });

  it('down/5xx: HTTP answers 503 (or the given status), the TCP banner says ERROR', async () => {
    await sim.injectFault('damumed', { type: 'down', mode: '5xx' });
    const res = await httpGet(healthUrl('damumed'));
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body).status).toBe('DOWN');
    expect(await tcpTalk(sys('damumed').ports.tcp)).toEqual(['KUZET-SIM damumed ERROR 503']);
    await sim.injectFault('damumed', { type: 'down', mode: '5xx', status: 500 });
    expect((await httpGet(healthUrl('damumed', 'https'), secure('damumed'))).status).toBe(500);
    await sim.clearFaults('damumed');
    await healthy('damumed');
  });

  it('slow: adds the configured latency', async () => {
    const base = (await httpGet(healthUrl('egov-gateway'))).ms;
    await sim.injectFault('egov-gateway', { type: 'slow', latency_ms: { distribution: 'fixed', ms: 400 } });
    const slow = await httpGet(healthUrl('egov-gateway'));
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(390);
    expect(base).toBeLessThan(300);
    await sim.injectFault('egov-gateway', {
      type: 'slow',
      latency_ms: { distribution: 'uniform', min: 150, max: 250 },
    });
    const uniform = await httpGet(healthUrl('egov-gateway'));
    expect(uniform.ms).toBeGreaterThanOrEqual(140);
    await sim.clearFaults('egov-gateway');
    expect((await httpGet(healthUrl('egov-gateway'))).ms).toBeLessThan(300);
  });

  it('partial: about error_rate of the requests fail with 5xx', async () => {
    await sim.injectFault('damumed', { type: 'partial', error_rate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await httpGet(healthUrl('damumed'))).status);
    const failed = statuses.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(70);
    expect(failed).toBeLessThan(130);
    expect(statuses.filter((s) => s !== 500 && s !== 200)).toEqual([]);
  });

  it('wrong_content: 200 with a body that is not UP', async () => {
    await sim.injectFault('egov-gateway', { type: 'wrong_content' });
    const res = await httpGet(healthUrl('egov-gateway', 'https'), secure('egov-gateway'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'DOWN' });
  });

  it('flapping: alternates down and up with the period, and logs the phases', async () => {
    const since = sim.events().at(-1)?.seq ?? 0;
    // period 2 s: down during [0, 1) s, up during [1, 2) s, down again from 2 s; probes sit mid-phase.
    await sim.injectFault('adilet', { type: 'flapping', period_s: 2, mode: 'refused' });
    expect(await httpOutcome(healthUrl('adilet'))).toBe('ECONNREFUSED');
    await sleep(1400);
    expect(await httpOutcome(healthUrl('adilet'))).toBe('ok 200');
    await sleep(1000);
    expect(await httpOutcome(healthUrl('adilet'))).toBe('ECONNREFUSED');
    const phases = sim.events(since).filter((e) => e.action === 'fault.phase' && e.system === 'adilet');
    expect(phases.map((e) => e.phase).slice(0, 2)).toEqual(['up', 'down']);
  });

  it('cert_expired: verification fails, and the live keep-alive state does not hide it', async () => {
    await sim.injectFault('egov-portal', { type: 'cert_expired' });
    expect(await httpOutcome(healthUrl('egov-portal', 'https'), secure('egov-portal'))).toBe(
      'CERT_HAS_EXPIRED',
    );
    expect(
      (await tlsHandshake({ port: sys('egov-portal').ports.https, ...secure('egov-portal') })).code,
    ).toBe('CERT_HAS_EXPIRED');
    await sim.clearFaults('egov-portal');
    await healthy('egov-portal');
  });

  it('cert_expiring: still valid, but expiring within the given days', async () => {
    await sim.injectFault('adilet', { type: 'cert_expiring', days: 3 });
    const res = await httpGet(healthUrl('adilet', 'https'), secure('adilet'));
    expect(res.status).toBe(200);
    const left = new Date(res.peerCertificate!.valid_to).getTime() - Date.now();
    expect(left).toBeLessThan(3 * 86_400_000 + 60_000);
    expect(left).toBeGreaterThan(2 * 86_400_000);
  });

  it('cert_invalid: self-signed and wrong-hostname certificates fail verification', async () => {
    await sim.injectFault('esf', { type: 'cert_invalid', reason: 'self_signed' });
    expect(await httpOutcome(healthUrl('esf', 'https'), secure('esf'))).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    await sim.injectFault('esf', { type: 'cert_invalid', reason: 'wrong_hostname' });
    expect(await httpOutcome(healthUrl('esf', 'https'), secure('esf'))).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(sim.activeFaults('esf').map((f) => f.fault.type)).toEqual(['cert_invalid']);
  });

  it('tls_legacy: a modern system speaks only TLS 1.0/1.1', async () => {
    const port = sys('egov-portal').ports.https;
    expect((await tlsHandshake({ port, version: 'TLSv1', ...secure('egov-portal') })).ok).toBe(false);
    await sim.injectFault('egov-portal', { type: 'tls_legacy' });
    expect(await tlsHandshake({ port, version: 'TLSv1', ...secure('egov-portal') })).toMatchObject({
      ok: true,
      protocol: 'TLSv1',
    });
    expect((await tlsHandshake({ port, version: 'TLSv1.2', ...secure('egov-portal') })).ok).toBe(false);
    await sim.clearFault('egov-portal', 'tls_legacy');
    expect(await tlsHandshake({ port, version: 'TLSv1.3', ...secure('egov-portal') })).toMatchObject({
      ok: true,
      protocol: 'TLSv1.3',
    });
  });

  it('headers_outdated: old Server and X-Powered-By, no security headers; stacks with a transport fault', async () => {
    await sim.injectFault('egov-portal', { type: 'headers_outdated' });
    await sim.injectFault('egov-portal', { type: 'down', mode: '5xx' });
    const res = await httpGet(healthUrl('egov-portal', 'https'), secure('egov-portal'));
    expect(res.status).toBe(503);
    expect(res.headers.server).toBe('Apache/2.2.3 (CentOS)');
    expect(res.headers['x-powered-by']).toBe('PHP/5.3.3');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    await sim.clearFault('egov-portal', 'down');
    expect((await httpGet(healthUrl('egov-portal'))).headers.server).toBe('Apache/2.2.3 (CentOS)');
    await sim.clearFault('egov-portal', 'headers_outdated');
    expect((await httpGet(healthUrl('egov-portal'))).headers.server).toBe('nginx/1.28.0');
  });

  it('dns_servfail / dns_nxdomain / dns_timeout change the answer for that name only', async () => {
    await sim.injectFault('damumed', { type: 'dns_servfail' });
    expect((await dnsQuery(sim.dnsPort, 'damumed.sim.kuzet.test')).rcode).toBe('SERVFAIL');
    expect((await dnsQuery(sim.dnsPort, 'esf.sim.kuzet.test')).rcode).toBe('NOERROR');
    await sim.injectFault('damumed', { type: 'dns_nxdomain' });
    expect((await dnsQuery(sim.dnsPort, 'damumed.sim.kuzet.test', { transport: 'tcp' })).rcode).toBe(
      'NXDOMAIN',
    );
    await sim.injectFault('damumed', { type: 'dns_timeout' });
    await expect(dnsQuery(sim.dnsPort, 'damumed.sim.kuzet.test', { timeoutMs: 400 })).rejects.toMatchObject({
      code: 'ETIMEDOUT',
    });
    await sim.clearFaults('damumed');
    expect((await dnsQuery(sim.dnsPort, 'damumed.sim.kuzet.test')).answers?.[0]).toMatchObject({
      data: '127.0.0.1',
    });
  });

  it('a fault with duration_s clears itself and the log says so', async () => {
    const since = sim.events().at(-1)?.seq ?? 0;
    await sim.injectFault('esf', { type: 'down', mode: 'refused', duration_s: 0.4 });
    expect(await httpOutcome(healthUrl('esf'))).toBe('ECONNREFUSED');
    await sleep(700);
    await healthy('esf');
    expect(sim.events(since).map((e) => `${e.action} ${e.system} ${e.fault_type}`)).toEqual([
      'fault.injected esf down',
      'fault.expired esf down',
    ]);
  });
});
