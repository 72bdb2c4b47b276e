import { EventLog } from './event-log';

describe('EventLog', () => {
  it('numbers entries, stamps them with the clock and filters by seq and system', () => {
    let now = Date.UTC(2026, 0, 1);
    const log = new EventLog(() => now);
    log.append({ action: 'fault.injected', system: 'esf', fault_type: 'down', source: 'api' });
    now += 1500;
    log.append({ action: 'fault.cleared', system: 'esf', fault_type: 'down', source: 'api' });
    log.append({ action: 'scenario.started', scenario: 'day-in-the-life' });
    const all = log.list();
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(all[0]).toMatchObject({
      at: '2026-01-01T00:00:00.000Z',
      at_ms: Date.UTC(2026, 0, 1),
      fault: null,
    });
    expect(all[1].at_ms - all[0].at_ms).toBe(1500);
    expect(log.list(2).map((e) => e.seq)).toEqual([3]);
    expect(log.list(0, 'esf')).toHaveLength(2);
  });

  it('keeps only the newest entries beyond its capacity, seq still growing', () => {
    const log = new EventLog(Date.now, 3);
    for (let i = 0; i < 5; i++) log.append({ action: 'fault.injected', system: `s${i}` });
    expect(log.list().map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('hands out copies', () => {
    const log = new EventLog();
    log.append({ action: 'fault.injected', system: 'a' });
    log.list()[0].system = 'changed';
    expect(log.list()[0].system).toBe('a');
  });
});
