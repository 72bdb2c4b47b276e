import { FaultState } from '../faults/fault-state';
import { LOOPBACK } from './front-door';
import { sampleLatencyMs } from '../faults/latency-distribution';
import { FleetSystem, Persona } from '../fleet/fleet.types';
import { RandomSource } from '../random/seeded-random';
import { healthBody, landingPage } from './health-page';
import { personaHeaders } from './persona-headers';
import { personaSessionCookie } from './persona-session-cookie';

/** What to do with one HTTP request: decided purely, then carried out by the request handler. */
export type HttpPlan =
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'respond'; status: number; headers: Record<string, string>; body: string; delayMs: number };

export interface HttpPlanInput {
  system: FleetSystem;
  persona: Persona;
  faults: FaultState;
  secure: boolean;
  method: string;
  path: string;
  nowMs: number;
  random: RandomSource;
  /** The Host header as sent (plain-HTTP redirects keep its name). */
  host?: string;
  /** The system's HTTPS port, the target of plain-HTTP redirects. */
  httpsPort?: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';
/** The health endpoint stays on plain HTTP, as load balancers' health endpoints often do. */
const HEALTH_PATH = '/health';
const HOST_NAME = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d+)?$/;

export function planHttpResponse(input: HttpPlanInput): HttpPlan {
  const { faults, system } = input;
  const availability = faults.availability(input.nowMs);
  // Keep-alive connections opened before the fault still reach the handler: they must see it too.
  if (availability.state === 'down' && availability.mode === 'timeout') return { kind: 'hang' };
  if (availability.state === 'down' && availability.mode === 'refused') return { kind: 'reset' };

  const slow = faults.get('slow');
  const delayMs = slow ? sampleLatencyMs(slow.latency_ms, input.random) : 0;
  const headers: Record<string, string> = {
    ...personaHeaders(input.persona, input.secure, faults.get('headers_outdated')),
    'Cache-Control': 'no-store',
  };
  const respond = (
    status: number,
    contentType: string,
    body: string,
    extra: Record<string, string> = {},
  ): HttpPlan => ({
    kind: 'respond',
    status,
    headers: { ...headers, 'Content-Type': contentType, ...extra },
    body: input.method === 'HEAD' ? '' : body,
    delayMs,
  });

  if (availability.state === 'down') {
    return respond(availability.status, JSON_TYPE, JSON.stringify({ status: 'DOWN', system: system.code }), {
      'Retry-After': '30',
    });
  }
  const redirect = httpsRedirect(input);
  if (redirect)
    return respond(301, 'text/plain; charset=utf-8', `Moved to ${redirect}\n`, { Location: redirect });
  if (input.method !== 'GET' && input.method !== 'HEAD') {
    return respond(405, JSON_TYPE, JSON.stringify({ error: 'method not allowed' }), { Allow: 'GET, HEAD' });
  }
  const partial = faults.get('partial');
  if (partial && input.random() < partial.error_rate) {
    return respond(partial.status, JSON_TYPE, JSON.stringify({ status: 'ERROR', system: system.code }));
  }
  const wrong = faults.get('wrong_content');
  if (wrong && (input.path === '/health' || input.path === '/'))
    return respond(200, wrong.content_type, wrong.body);
  const cookie = personaSessionCookie(input.persona.code, input.secure);
  const app: Record<string, string> = cookie ? { 'Set-Cookie': cookie } : {};
  if (input.path === HEALTH_PATH) return respond(200, JSON_TYPE, healthBody(system.code), app);
  if (input.path === '/') return respond(200, 'text/html; charset=utf-8', landingPage(system), app);
  return respond(404, JSON_TYPE, JSON.stringify({ error: 'not found' }));
}

/**
 * Where a plain-HTTP request is sent on: personas that send HSTS (modern, dated) also redirect
 * plain HTTP to HTTPS, as the server that sets HSTS does; the others serve plain HTTP as is.
 */
function httpsRedirect(input: HttpPlanInput): string | null {
  if (input.secure || !input.persona.hsts || input.httpsPort === undefined || input.path === HEALTH_PATH)
    return null;
  const host = HOST_NAME.exec(input.host ?? '')?.[1] ?? LOOPBACK;
  return `https://${host}:${input.httpsPort}${input.path}`;
}
