import * as net from 'node:net';
import { SimulatorHandle, startSimulator } from '@kuzet/simulator';
import { httpGet, httpOutcome, sleep } from './support/sim-clients';
import { quietLogger } from './support/quiet-logger';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** The control API over real HTTP: fault injection, validation, the event log, the scenario. */
describe('simulator control API', () => {
  let sim: SimulatorHandle;
  const call = async (method: string, path: string, body?: unknown, raw?: string): Promise<Answer> => {
    const res = await fetch(`${sim.controlUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const health = (code: string) =>
    `http://127.0.0.1:${sim.systems.find((s) => s.code === code)!.ports.http}/health`;

  beforeAll(async () => {
    // 600x: a scripted minute lasts 100 ms, so the scenario shows activity within a test.
    sim = await startSimulator({
      systems: ['esf', 'damumed', 'egov-gateway'],
      dayInTheLifeSpeed: 600,
      logger: quietLogger(),
    });
  });
  afterEach(async () => {
    await call('POST', '/scenario/day-in-the-life', { action: 'stop' });
    await call('POST', '/reset');
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('lists systems with ports and active faults', async () => {
    expect(await call('GET', '/health')).toEqual({ status: 200, body: { status: 'UP' } });
    const { status, body } = await call('GET', '/systems');
    expect(status).toBe(200);
    const systems = body.systems as { code: string; ports: { http: number }; faults: unknown[] }[];
    expect(systems.map((s) => s.code)).toEqual(['egov-gateway', 'esf', 'damumed']);
    expect(systems.every((s) => s.ports.http > 0 && s.faults.length === 0)).toBe(true);
  });

  it('injects a fault that a real client sees, shows it, logs it with a timestamp, and clears it', async () => {
    const before = Date.now();
    const injected = await call('POST', '/systems/esf/faults', { type: 'down', mode: '5xx' });
    const after = Date.now();
    expect(injected.status).toBe(201);
    expect(injected.body).toMatchObject({
      system: 'esf',
      fault: { type: 'down', mode: '5xx', status: 503 },
      source: 'api',
      expires_at: null,
    });
    expect((await httpGet(health('esf'))).status).toBe(503);

    const shown = await call('GET', '/systems/esf');
    expect((shown.body.faults as { fault: { type: string } }[]).map((f) => f.fault.type)).toEqual(['down']);

    const events = (await call('GET', '/events')).body.events as {
      seq: number;
      action: string;
      system: string;
      at_ms: number;
      at: string;
    }[];
    const entry = events.find((e) => e.action === 'fault.injected' && e.system === 'esf')!;
    expect(entry.at_ms).toBeGreaterThanOrEqual(before);
    expect(entry.at_ms).toBeLessThanOrEqual(after);
    expect(new Date(entry.at).getTime()).toBe(entry.at_ms);
    expect((await call('GET', `/events?since=${entry.seq}`)).body.events).toEqual([]);

    expect(await call('DELETE', '/systems/esf/faults/down')).toEqual({
      status: 200,
      body: { system: 'esf', type: 'down', cleared: true },
    });
    expect(await call('DELETE', '/systems/esf/faults/down')).toEqual({
      status: 200,
      body: { system: 'esf', type: 'down', cleared: false },
    });
    expect((await httpGet(health('esf'))).status).toBe(200);
  });

  it('keeps several faults at once; DELETE all and POST /reset clear them', async () => {
    await call('POST', '/systems/damumed/faults', { type: 'partial', error_rate: 1 });
    await call('POST', '/systems/damumed/faults', { type: 'headers_outdated' });
    await call('POST', '/systems/esf/faults', { type: 'down', mode: 'refused' });
    const res = await httpGet(health('damumed'));
    expect(res.status).toBe(500);
    expect(res.headers.server).toBe('Apache/2.2.3 (CentOS)');
    expect(await call('DELETE', '/systems/damumed/faults')).toEqual({
      status: 200,
      body: { system: 'damumed', cleared: 2 },
    });
    expect(await httpOutcome(health('esf'))).toBe('ECONNREFUSED');
    expect(await call('POST', '/reset')).toEqual({ status: 200, body: { cleared: 1 } });
    expect(await httpOutcome(health('esf'))).toBe('ok 200');
  });

  it.each([
    [{ type: 'slow', latency_ms: { distribution: 'lognormal', median: -1 } }, 'latency_ms.median'],
    [{ type: 'meltdown' }, 'type'],
    [{ type: 'partial' }, 'error_rate'],
    [{ type: 'down', mode: 'refused', colour: 'red' }, 'colour'],
    ['just a string', '(body)'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await call('POST', '/systems/esf/faults', body);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect(String(res.body.error)).toContain(field);
    expect((await call('GET', '/systems/esf')).body.faults).toEqual([]);
  });

  it('answers 404 for an unknown system, 405 for a wrong method, 404 for an unknown path', async () => {
    expect(await call('POST', '/systems/atlantis/faults', { type: 'down' })).toMatchObject({
      status: 404,
      body: { error: 'unknown system "atlantis"' },
    });
    expect((await call('GET', '/systems/atlantis')).status).toBe(404);
    expect((await call('DELETE', '/systems/atlantis/faults')).status).toBe(404);
    expect((await call('PUT', '/systems')).status).toBe(405);
    expect((await call('GET', '/nowhere')).status).toBe(404);
  });

  it('refuses malformed JSON and oversized bodies, and keeps serving', async () => {
    expect(await call('POST', '/systems/esf/faults', undefined, '{"type": "down",')).toEqual({
      status: 400,
      body: { error: 'request body is not valid JSON' },
    });
    const huge = JSON.stringify({ type: 'wrong_content', body: 'x'.repeat(100 * 1024) });
    expect((await call('POST', '/systems/esf/faults', undefined, huge)).status).toBe(413);
    // garbage that is not HTTP at all
    await new Promise<void>((resolve) => {
      const port = Number(new URL(sim.controlUrl).port);
      const socket = net.connect({ host: '127.0.0.1', port }, () =>
        socket.end('\u0000\u0001NOT HTTP\r\n\r\n'),
      );
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      socket.resume();
    });
    expect((await call('GET', '/health')).status).toBe(200);
  });

  it('starts and stops the day in the life, which injects and then cleans up', async () => {
    const since = sim.events().at(-1)?.seq ?? 0;
    expect(await call('POST', '/scenario/day-in-the-life', { action: 'start' })).toEqual({
      status: 200,
      body: { running: true },
    });
    expect((await call('GET', '/scenario/day-in-the-life')).body).toEqual({ running: true });
    const deadline = Date.now() + 5000;
    while (
      !sim.events(since).some((e) => e.action === 'fault.injected' && e.source === 'scenario') &&
      Date.now() < deadline
    )
      await sleep(25);
    expect(sim.events(since).some((e) => e.action === 'fault.injected' && e.source === 'scenario')).toBe(
      true,
    );
    expect(await call('POST', '/scenario/day-in-the-life', { action: 'stop' })).toEqual({
      status: 200,
      body: { running: false },
    });
    const systems = (await call('GET', '/systems')).body.systems as { faults: { source: string }[] }[];
    expect(systems.flatMap((s) => s.faults).filter((f) => f.source === 'scenario')).toEqual([]);
    expect(sim.events(since).map((e) => e.action)).toEqual(
      expect.arrayContaining(['scenario.started', 'scenario.stopped']),
    );
    expect((await call('POST', '/scenario/day-in-the-life', { action: 'dance' })).body.field).toBe('action');
  });
});
