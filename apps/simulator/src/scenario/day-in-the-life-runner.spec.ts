import { readFileSync } from 'node:fs';
import pino from 'pino';
import { EventLog } from '../events/event-log';
import { bundledFleetFile } from '../fleet/fleet-locator';
import { parseFleet } from '../fleet/fleet-parser';
import { selectSystems } from '../fleet/fleet-subset';
import { DayInTheLifeRunner, ScenarioTarget } from './day-in-the-life-runner';

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('DayInTheLifeRunner', () => {
  const fleet = selectSystems(parseFleet(readFileSync(bundledFleetFile(), 'utf8')), [
    'esf',
    'egov-gateway',
    'damumed',
  ]);

  function fakeTarget(manual: Record<string, 'api'> = {}) {
    const active = new Map<string, string>();
    const injected: { code: string; fault: Record<string, unknown> }[] = [];
    const target: ScenarioTarget = {
      inject: async (code, fault) => {
        injected.push({ code, fault });
        active.set(`${code}/${fault.type}`, 'scenario');
      },
      clear: async (code, type) => void active.delete(`${code}/${type}`),
      occupant: (code, type) => manual[code] ?? (active.get(`${code}/${type}`) as 'scenario' | undefined),
    };
    return { target, injected, active };
  }

  it('injects compressed, self-expiring faults and clears its leftovers on stop', async () => {
    const { target, injected, active } = fakeTarget();
    const events = new EventLog();
    // 12 000x: a planned minute lasts 5 ms.
    const runner = new DayInTheLifeRunner({
      fleet,
      seed: 'kuzet',
      speed: 12_000,
      target,
      events,
      logger: pino({ level: 'silent' }),
    });
    runner.start();
    expect(runner.running).toBe(true);
    await waitFor(() => new Set(injected.map((i) => i.code)).size === 3);
    for (const i of injected) {
      expect(i.fault.duration_s).toBeGreaterThan(0);
      expect(i.fault.duration_s).toBeLessThan(1);
    }
    await runner.stop();
    expect(runner.running).toBe(false);
    expect(active.size).toBe(0);
    expect(events.list().map((e) => e.action)).toEqual(['scenario.started', 'scenario.stopped']);
    const count = injected.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(injected.length).toBe(count); // nothing after stop
  });

  it('never overrides a fault someone injected by hand', async () => {
    const { target, injected } = fakeTarget({ esf: 'api' });
    const runner = new DayInTheLifeRunner({
      fleet,
      seed: 'kuzet',
      speed: 12_000,
      target,
      events: new EventLog(),
      logger: pino({ level: 'silent' }),
    });
    runner.start();
    await waitFor(() => injected.length >= 2);
    await new Promise((r) => setTimeout(r, 60));
    await runner.stop();
    expect(injected.some((i) => i.code === 'esf')).toBe(false);
  });

  it('refuses a non-positive speed', () => {
    expect(
      () =>
        new DayInTheLifeRunner({
          fleet,
          seed: 1,
          speed: 0,
          target: fakeTarget().target,
          events: new EventLog(),
          logger: pino({ level: 'silent' }),
        }),
    ).toThrow();
  });
});
