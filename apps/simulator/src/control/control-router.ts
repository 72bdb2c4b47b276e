import { FAULT_TYPES, FaultType } from '../faults/fault.types';
import { FaultValidationError } from '../faults/fault-validation.error';
import { SimulatorEvent } from '../events/simulator-event.types';
import { ActiveFaultView, SimulatedSystemInfo } from '../system/simulated-system.types';
import { ControlHttpError, UnknownSystemError } from './control-errors';

export interface SystemView extends SimulatedSystemInfo {
  faults: ActiveFaultView[];
}

/** What the control API drives; implemented by the running simulator. */
export interface ControlTarget {
  listSystems(): SystemView[];
  getSystem(code: string): SystemView | undefined;
  injectFault(code: string, body: unknown): Promise<ActiveFaultView>;
  clearFaults(code?: string): Promise<number>;
  clearFault(code: string, type: FaultType): Promise<boolean>;
  events(sinceSeq: number, system?: string): SimulatorEvent[];
  setScenario(action: 'start' | 'stop'): Promise<{ running: boolean }>;
  scenarioRunning(): boolean;
}

export interface ControlRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Read lazily: only routes that take a body read it (and pay for its checks). */
  body: () => Promise<unknown>;
}

export interface ControlResponse {
  status: number;
  body: unknown;
}

type Handler = (
  target: ControlTarget,
  req: ControlRequest,
  params: string[],
) => Promise<ControlResponse> | ControlResponse;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const ok = (body: unknown, status = 200): ControlResponse => ({ status, body });
const SEGMENT = '([^/]+)';

/** Every route of the control API, in one table. */
const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/health$/, handler: () => ok({ status: 'UP' }) },
  { method: 'GET', pattern: /^\/systems$/, handler: (t) => ok({ systems: t.listSystems() }) },
  {
    method: 'GET',
    pattern: new RegExp(`^/systems/${SEGMENT}$`),
    handler: (t, _r, [code]) => ok(systemOr404(t, code)),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/systems/${SEGMENT}/faults$`),
    handler: async (t, req, [code]) => {
      systemOr404(t, code);
      const active = await t.injectFault(code, await req.body());
      return ok({ system: code, ...active }, 201);
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/systems/${SEGMENT}/faults$`),
    handler: async (t, _r, [code]) => {
      systemOr404(t, code);
      return ok({ system: code, cleared: await t.clearFaults(code) });
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/systems/${SEGMENT}/faults/${SEGMENT}$`),
    handler: async (t, _r, [code, type]) => {
      systemOr404(t, code);
      if (!(FAULT_TYPES as string[]).includes(type))
        throw new ControlHttpError(400, `type must be one of ${FAULT_TYPES.join(', ')}`, 'type');
      return ok({ system: code, type, cleared: await t.clearFault(code, type as FaultType) });
    },
  },
  { method: 'POST', pattern: /^\/reset$/, handler: async (t) => ok({ cleared: await t.clearFaults() }) },
  {
    method: 'GET',
    pattern: /^\/events$/,
    handler: (t, req) => {
      const since = req.query.get('since') ?? '0';
      if (!/^\d+$/.test(since))
        throw new ControlHttpError(400, 'since must be a non-negative integer', 'since');
      const system = req.query.get('system') ?? undefined;
      return ok({ events: t.events(Number(since), system) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/scenario\/day-in-the-life$/,
    handler: (t) => ok({ running: t.scenarioRunning() }),
  },
  {
    method: 'POST',
    pattern: /^\/scenario\/day-in-the-life$/,
    handler: async (t, req) => {
      const body = await req.body();
      const action =
        body !== null && typeof body === 'object' ? (body as Record<string, unknown>).action : undefined;
      if (action !== 'start' && action !== 'stop')
        throw new ControlHttpError(400, 'action must be "start" or "stop"', 'action');
      return ok(await t.setScenario(action));
    },
  },
];

/** Routes one request; errors become JSON answers (400 names the field, 404, 405), never throws. */
export async function routeControlRequest(
  target: ControlTarget,
  req: ControlRequest,
): Promise<ControlResponse> {
  const matching = ROUTES.map((r) => ({ route: r, match: r.pattern.exec(req.path) })).filter(
    (m) => m.match !== null,
  );
  if (matching.length === 0) return { status: 404, body: { error: 'not found' } };
  const found = matching.find((m) => m.route.method === req.method);
  if (!found) {
    return { status: 405, body: { error: 'method not allowed', allow: matching.map((m) => m.route.method) } };
  }
  try {
    const params = (found.match as RegExpExecArray).slice(1).map(decodeURIComponent);
    return await found.route.handler(target, req, params);
  } catch (err) {
    if (err instanceof ControlHttpError)
      return { status: err.status, body: { error: err.message, ...(err.field ? { field: err.field } : {}) } };
    if (err instanceof FaultValidationError)
      return { status: 400, body: { error: `invalid fault: ${err.message}`, field: err.field } };
    if (err instanceof UnknownSystemError) return { status: 404, body: { error: err.message } };
    if (err instanceof URIError) return { status: 400, body: { error: 'malformed path' } };
    throw err;
  }
}

function systemOr404(target: ControlTarget, code: string): SystemView {
  const system = target.getSystem(code);
  if (!system) throw new UnknownSystemError(code);
  return system;
}
