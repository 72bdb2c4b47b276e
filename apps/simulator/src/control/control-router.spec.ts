import { validateFault } from '../faults/fault-validator';
import { ControlHttpError } from './control-errors';
import { ControlRequest, ControlTarget, routeControlRequest, SystemView } from './control-router';

const esf = { code: 'esf', faults: [] } as unknown as SystemView;

function target(): ControlTarget & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    listSystems: () => [esf],
    getSystem: (code) => (code === 'esf' ? esf : undefined),
    injectFault: async (code, body) => {
      const fault = validateFault(body);
      calls.push(`inject ${code} ${fault.type}`);
      return { fault, source: 'api', since: 'now', expires_at: null };
    },
    clearFaults: async (code) => (calls.push(`clear ${code ?? '*'}`), 2),
    clearFault: async (code, type) => (calls.push(`clear ${code} ${type}`), true),
    events: (since, system) => [{ seq: since + 1, system } as never],
    setScenario: async (action) => ({ running: action === 'start' }),
    scenarioRunning: () => false,
  };
}

const req = (method: string, path: string, body?: unknown, query = ''): ControlRequest => ({
  method,
  path,
  query: new URLSearchParams(query),
  body: async () => body,
});

describe('routeControlRequest', () => {
  it('lists and shows systems, 404 for an unknown one', async () => {
    const t = target();
    expect(await routeControlRequest(t, req('GET', '/systems'))).toEqual({
      status: 200,
      body: { systems: [esf] },
    });
    expect(await routeControlRequest(t, req('GET', '/systems/esf'))).toEqual({ status: 200, body: esf });
    expect((await routeControlRequest(t, req('GET', '/systems/nope'))).status).toBe(404);
  });

  it('injects a fault (201) and answers 400 naming the bad field', async () => {
    const t = target();
    const created = await routeControlRequest(
      t,
      req('POST', '/systems/esf/faults', { type: 'down', mode: 'timeout' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ system: 'esf', fault: { type: 'down', mode: 'timeout' } });
    const bad = await routeControlRequest(
      t,
      req('POST', '/systems/esf/faults', { type: 'partial', error_rate: 2 }),
    );
    expect(bad).toEqual({
      status: 400,
      body: { error: expect.stringContaining('error_rate'), field: 'error_rate' },
    });
    expect((await routeControlRequest(t, req('POST', '/systems/nope/faults', { type: 'down' }))).status).toBe(
      404,
    );
    expect(t.calls).toEqual(['inject esf down']);
  });

  it('clears all or one fault type, rejecting unknown types', async () => {
    const t = target();
    expect(await routeControlRequest(t, req('DELETE', '/systems/esf/faults'))).toEqual({
      status: 200,
      body: { system: 'esf', cleared: 2 },
    });
    expect(await routeControlRequest(t, req('DELETE', '/systems/esf/faults/slow'))).toEqual({
      status: 200,
      body: { system: 'esf', type: 'slow', cleared: true },
    });
    expect(await routeControlRequest(t, req('DELETE', '/systems/esf/faults/bogus'))).toMatchObject({
      status: 400,
      body: { field: 'type' },
    });
    expect(await routeControlRequest(t, req('POST', '/reset'))).toEqual({
      status: 200,
      body: { cleared: 2 },
    });
    expect(t.calls).toEqual(['clear esf', 'clear esf slow', 'clear *']);
  });

  it('serves events since a sequence number', async () => {
    const t = target();
    expect(await routeControlRequest(t, req('GET', '/events', undefined, 'since=7&system=esf'))).toEqual({
      status: 200,
      body: { events: [{ seq: 8, system: 'esf' }] },
    });
    expect(await routeControlRequest(t, req('GET', '/events', undefined, 'since=-1'))).toMatchObject({
      status: 400,
      body: { field: 'since' },
    });
  });

  it('starts and stops the scenario, validating the action', async () => {
    const t = target();
    expect(
      await routeControlRequest(t, req('POST', '/scenario/day-in-the-life', { action: 'start' })),
    ).toEqual({ status: 200, body: { running: true } });
    expect(
      await routeControlRequest(t, req('POST', '/scenario/day-in-the-life', { action: 'pause' })),
    ).toMatchObject({ status: 400, body: { field: 'action' } });
    expect(await routeControlRequest(t, req('POST', '/scenario/day-in-the-life', undefined))).toMatchObject({
      status: 400,
      body: { field: 'action' },
    });
  });

  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    const t = target();
    expect((await routeControlRequest(t, req('GET', '/nope'))).status).toBe(404);
    expect(await routeControlRequest(t, req('PUT', '/systems'))).toEqual({
      status: 405,
      body: { error: 'method not allowed', allow: ['GET'] },
    });
  });

  it('passes body errors (malformed JSON, too large) through as their status', async () => {
    const t = target();
    const broken: ControlRequest = {
      ...req('POST', '/systems/esf/faults'),
      body: async () => Promise.reject(new ControlHttpError(400, 'request body is not valid JSON')),
    };
    expect(await routeControlRequest(t, broken)).toEqual({
      status: 400,
      body: { error: 'request body is not valid JSON' },
    });
  });
});
