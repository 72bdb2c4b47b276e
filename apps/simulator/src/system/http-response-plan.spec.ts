import { FaultState } from '../faults/fault-state';
import { validateFault } from '../faults/fault-validator';
import { FleetSystem, Persona } from '../fleet/fleet.types';
import { createSeededRandom } from '../random/seeded-random';
import { HttpPlan, HttpPlanInput, planHttpResponse } from './http-response-plan';

const system: FleetSystem = {
  code: 'damumed',
  agency: 'moh',
  name: { kk: 'Damumed', ru: 'Дамумед <МИС>', en: 'Damumed' },
  tier: 'critical',
  category: 'health',
  persona: 'neglected',
  public: true,
  publicUrl: null,
  dependsOn: [],
};
const persona: Persona = {
  code: 'neglected',
  tls: ['TLSv1.1', 'TLSv1.2'],
  server: 'Apache/2.4.29 (Ubuntu)',
  poweredBy: 'PHP/7.2.24',
  aspnetVersion: null,
  hsts: null,
  csp: null,
  http2: false,
};

function plan(faults: FaultState, over: Partial<HttpPlanInput> = {}): HttpPlan {
  return planHttpResponse({
    system,
    persona,
    faults,
    secure: true,
    method: 'GET',
    path: '/health',
    nowMs: 1000,
    random: createSeededRandom(1),
    ...over,
  });
}
const withFaults = (...bodies: unknown[]) => {
  const s = new FaultState();
  for (const b of bodies) s.add(validateFault(b), 'api', 0);
  return s;
};
const responded = (p: HttpPlan) => {
  if (p.kind !== 'respond') throw new Error(`expected a response, got ${p.kind}`);
  return p;
};

describe('planHttpResponse', () => {
  it('answers /health UP with persona headers', () => {
    const p = responded(plan(new FaultState()));
    expect(p.status).toBe(200);
    expect(JSON.parse(p.body)).toEqual({ status: 'UP', system: 'damumed' });
    expect(p.headers).toMatchObject({
      Server: 'Apache/2.4.29 (Ubuntu)',
      'X-Powered-By': 'PHP/7.2.24',
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(p.delayMs).toBe(0);
  });

  it('serves an escaped landing page at / and 404 elsewhere, 405 for other methods', () => {
    const page = responded(plan(new FaultState(), { path: '/' }));
    expect(page.body).toContain('Дамумед &#60;МИС&#62;');
    expect(page.headers['Content-Type']).toMatch(/text\/html/);
    expect(responded(plan(new FaultState(), { path: '/admin' })).status).toBe(404);
    expect(responded(plan(new FaultState(), { method: 'POST' })).status).toBe(405);
    expect(responded(plan(new FaultState(), { method: 'HEAD' })).body).toBe('');
  });

  it('hangs, resets or answers 5xx when down', () => {
    expect(plan(withFaults({ type: 'down', mode: 'timeout' }))).toEqual({ kind: 'hang' });
    expect(plan(withFaults({ type: 'down', mode: 'refused' }))).toEqual({ kind: 'reset' });
    const p = responded(plan(withFaults({ type: 'down', mode: '5xx', status: 502 })));
    expect(p.status).toBe(502);
    expect(JSON.parse(p.body).status).toBe('DOWN');
  });

  it('follows the flapping phase', () => {
    const faults = withFaults({ type: 'flapping', period_s: 2, mode: '5xx' });
    expect(responded(plan(faults, { nowMs: 500 })).status).toBe(503);
    expect(responded(plan(faults, { nowMs: 1500 })).status).toBe(200);
  });

  it('adds latency from the slow fault', () => {
    expect(responded(plan(withFaults({ type: 'slow', latency_ms: 700 }))).delayMs).toBe(700);
  });

  it('fails about error_rate of the requests when partial', () => {
    const faults = withFaults({ type: 'partial', error_rate: 0.25 });
    const random = createSeededRandom('p');
    const statuses = Array.from({ length: 4000 }, () => responded(plan(faults, { random })).status);
    const failed = statuses.filter((s) => s === 500).length / statuses.length;
    expect(failed).toBeGreaterThan(0.22);
    expect(failed).toBeLessThan(0.28);
    expect(new Set(statuses)).toEqual(new Set([200, 500]));
  });

  it('serves wrong content with 200', () => {
    const p = responded(plan(withFaults({ type: 'wrong_content' })));
    expect(p.status).toBe(200);
    expect(p.body).toBe('{"status":"DOWN"}');
  });

  it('sends outdated headers while keeping a transport fault', () => {
    const p = responded(plan(withFaults({ type: 'down', mode: '5xx' }, { type: 'headers_outdated' })));
    expect(p.status).toBe(503);
    expect(p.headers.Server).toBe('Apache/2.2.3 (CentOS)');
    expect(p.headers['X-Powered-By']).toBe('PHP/5.3.3');
  });

  it('sets the persona session cookie on the pages it serves, never on errors', () => {
    expect(responded(plan(new FaultState())).headers['Set-Cookie']).toBe('PHPSESSID=simulated; Path=/');
    expect(responded(plan(new FaultState(), { path: '/' })).headers['Set-Cookie']).toBe(
      'PHPSESSID=simulated; Path=/',
    );
    expect(responded(plan(new FaultState(), { path: '/admin' })).headers['Set-Cookie']).toBeUndefined();
    expect(responded(plan(withFaults({ type: 'down', mode: '5xx' }))).headers['Set-Cookie']).toBeUndefined();
  });

  describe('plain HTTP of a persona that sends HSTS', () => {
    const modern: Persona = {
      ...persona,
      code: 'modern',
      hsts: 'max-age=31536000',
      csp: "default-src 'self'",
    };

    it('redirects to the same host and path on the HTTPS port, permanently', () => {
      const p = responded(
        plan(new FaultState(), {
          persona: modern,
          secure: false,
          path: '/',
          host: 'egov.sim.kuzet.test:8080',
          httpsPort: 8443,
        }),
      );
      expect(p.status).toBe(301);
      expect(p.headers.Location).toBe('https://egov.sim.kuzet.test:8443/');
      expect(p.headers['Set-Cookie']).toBeUndefined();
    });

    it('falls back to the loopback address for a missing or odd Host header', () => {
      const over = { persona: modern, secure: false, path: '/', httpsPort: 8443 };
      expect(responded(plan(new FaultState(), over)).headers.Location).toBe('https://127.0.0.1:8443/');
      expect(responded(plan(new FaultState(), { ...over, host: 'evil"/><x' })).headers.Location).toBe(
        'https://127.0.0.1:8443/',
      );
      expect(responded(plan(new FaultState(), { ...over, host: '[::1]:80' })).headers.Location).toBe(
        'https://[::1]:8443/',
      );
    });

    it('keeps /health on plain HTTP, and serves HTTPS itself as is', () => {
      expect(
        responded(plan(new FaultState(), { persona: modern, secure: false, httpsPort: 8443 })).status,
      ).toBe(200);
      expect(
        responded(plan(new FaultState(), { persona: modern, secure: true, path: '/', httpsPort: 8443 }))
          .status,
      ).toBe(200);
    });

    it('is not what a persona without HSTS does', () => {
      expect(responded(plan(new FaultState(), { secure: false, path: '/', httpsPort: 8443 })).status).toBe(
        200,
      );
    });
  });
});
