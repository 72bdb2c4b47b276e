import { CheckRunResult, CheckSpec, HttpCheckRunner, TlsCheckRunner, toResultRecord } from '@kuzet/checks';
import { scoreSystem, type SystemEvidence, type SystemScore } from '@kuzet/scoring';
import { SimulatedSystemInfo, SimulatorHandle, startSimulator } from '@kuzet/simulator';
import { probeEvidence, type LatestCheckRun } from '../../../apps/api/src/scoring/probe-evidence';
import { quietLogger } from '../simulator/support/quiet-logger';

/**
 * Golden grades end to end: the simulator serves each persona (kz-fleet.yaml: TLS versions,
 * banners, HSTS, CSP, cookies, the plain-HTTP redirect), the real http and tls runners probe it
 * as the demo catalog's checks do, their results become the stored details the scorer's
 * repository reads (toResultRecord -> probeEvidence), and the scorer grades them. Reliability
 * is held perfect, so what differs is the technology alone.
 */
describe('technology-debt grades of the simulated personas (simulator -> runners -> evidence -> score)', () => {
  const PERSONAS = { modern: 'smart-bridge', neglected: 'damumed', abandoned: 'adilet' } as const;
  const NOW = Date.now();
  let sim: SimulatorHandle;
  const scores: Partial<Record<keyof typeof PERSONAS, SystemScore>> = {};
  const sys = (code: string): SimulatedSystemInfo => sim.systems.find((s) => s.code === code)!;
  const spec = (over: Partial<CheckSpec>): CheckSpec => ({ kind: 'http', target: '', timeoutMs: 5000, conditions: [], thresholds: {}, options: {}, ...over });

  const run = (checkId: number, kind: string, target: string, servername: string, result: CheckRunResult): LatestCheckRun => ({
    checkId,
    kind,
    target,
    servername,
    region: 'local',
    observedAt: new Date(NOW).toISOString(),
    details: toResultRecord(result, { checkId, region: 'local', plannedAt: NOW }).details ?? {},
  });

  async function score(code: string): Promise<SystemScore> {
    const s = sys(code);
    const httpsTarget = `https://127.0.0.1:${s.ports.https}/health`;
    const tlsTarget = `127.0.0.1:${s.ports.https}`;
    const [https, tls] = await Promise.all([
      new HttpCheckRunner().check(
        spec({ target: httpsTarget, options: { ca_pem: sim.caPem, servername: s.hostname, plain_http_url: `http://127.0.0.1:${s.ports.http}/` } }),
      ),
      new TlsCheckRunner().check(
        spec({ kind: 'tls', target: tlsTarget, options: { ca_pem: sim.caPem, servername: s.hostname, resolver: `127.0.0.1:${sim.dnsPort}` } }),
      ),
    ]);
    const evidence = probeEvidence([run(1, 'http', httpsTarget, s.hostname, https), run(2, 'tls', tlsTarget, s.hostname, tls)]);
    const system: SystemEvidence = {
      system: code,
      agency: 'test',
      tier: 'critical',
      ...evidence,
      reliability: { windowDays: 28, sloTarget: 0.999, availability: 1, degradedShare: 0, incidents: 0, mttrMs: null, mtbfMs: null },
    };
    return scoreSystem(system, { now: NOW });
  }

  const rules = (s: SystemScore) => s.findings.map((f) => f.rule);

  beforeAll(async () => {
    sim = await startSimulator({ controlPort: 0, systems: Object.values(PERSONAS), logger: quietLogger() });
    for (const [persona, code] of Object.entries(PERSONAS)) scores[persona as keyof typeof PERSONAS] = await score(code);
  });
  afterAll(() => sim?.stop());

  it('modern (TLS 1.2+1.3, nginx 1.28, HSTS, CSP, flagged cookie, redirect to HTTPS): grade A, TLS A+, no end-of-life finding', () => {
    const s = scores.modern!;
    expect(s.grade).toBe('A');
    expect(s.tlsGrade).toBe('A+');
    expect(s.caps).toEqual([]);
    expect(rules(s).filter((r) => r.startsWith('eol.') || r.startsWith('tls.'))).toEqual([]);
  });

  it('neglected (TLS 1.1+1.2, Apache 2.4, PHP 7.2, no HSTS): grade D, TLS capped at B, PHP 7.2 past end of life', () => {
    const s = scores.neglected!;
    expect(s.grade).toBe('D');
    expect(s.tlsGrade).toBe('B');
    expect(rules(s)).toEqual(expect.arrayContaining(['tls.protocol.tls11', 'eol.php', 'http.hsts-not-implemented']));
    expect(s.caps.map((c) => c.rule)).toContain('cap.end_of_life');
  });

  it('abandoned (TLS 1.0, Apache 2.2, PHP 5.6, no HSTS): grade F with the findings that say why, each naming its evidence', () => {
    const s = scores.abandoned!;
    expect(s.grade).toBe('F');
    expect(rules(s)).toEqual(expect.arrayContaining(['tls.protocol.tls10', 'eol.php', 'eol.apache-http-server', 'http.hsts-not-implemented']));
    const php = s.findings.find((f) => f.rule === 'eol.php')!;
    expect(php.evidence).toMatchObject({ checkId: 1, region: 'local', fact: expect.stringContaining('PHP/5.6.40') });
    expect(s.score).toBeLessThan(scores.neglected!.score);
    expect(scores.neglected!.score).toBeLessThan(scores.modern!.score);
  });
});
