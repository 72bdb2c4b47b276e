import { FaultState, flappingIsDown } from './fault-state';
import { validateFault } from './fault-validator';

const T0 = 1_000_000;

describe('FaultState', () => {
  it('starts up and lists nothing', () => {
    const s = new FaultState();
    expect(s.availability(T0)).toEqual({ state: 'up' });
    expect(s.list()).toEqual([]);
  });

  it('stacks faults of different groups and replaces within a group', () => {
    const s = new FaultState();
    s.add(validateFault({ type: 'down', mode: '5xx' }), 'api', T0);
    s.add(validateFault({ type: 'headers_outdated' }), 'api', T0);
    s.add(validateFault({ type: 'cert_expired' }), 'api', T0);
    const { replaced } = s.add(validateFault({ type: 'cert_invalid' }), 'scenario', T0 + 1);
    expect(replaced.map((r) => r.fault.type)).toEqual(['cert_expired']);
    expect(
      s
        .list()
        .map((a) => a.fault.type)
        .sort(),
    ).toEqual(['cert_invalid', 'down', 'headers_outdated']);
    expect(s.hasGroup('cert_expiring')?.source).toBe('scenario');
    expect(s.hasGroup('dns_timeout')).toBeUndefined();
  });

  it('records expiry from duration_s', () => {
    const s = new FaultState();
    const { added } = s.add(validateFault({ type: 'slow', latency_ms: 10, duration_s: 2 }), 'program', T0);
    expect(added.expiresAtMs).toBe(T0 + 2000);
    expect(
      s.add(validateFault({ type: 'partial', error_rate: 0.1 }), 'program', T0).added.expiresAtMs,
    ).toBeNull();
  });

  it('reports down with its mode, down winning over flapping', () => {
    const s = new FaultState();
    s.add(validateFault({ type: 'flapping', period_s: 10, mode: 'timeout' }), 'api', T0);
    expect(s.availability(T0 + 1000)).toEqual({ state: 'down', mode: 'timeout', status: 503 });
    s.add(validateFault({ type: 'down', mode: '5xx', status: 500 }), 'api', T0);
    expect(s.availability(T0 + 6000)).toEqual({ state: 'down', mode: '5xx', status: 500 });
    expect(s.nextFlapChangeMs(T0)).toBeNull(); // the down fault replaced flapping (same group)
  });

  it('alternates flapping phases, down first, and knows the next change', () => {
    const s = new FaultState();
    s.add(validateFault({ type: 'flapping', period_s: 4 }), 'api', T0);
    expect(s.availability(T0).state).toBe('down');
    expect(s.availability(T0 + 1999).state).toBe('down');
    expect(s.availability(T0 + 2000).state).toBe('up');
    expect(s.availability(T0 + 4000).state).toBe('down');
    expect(s.nextFlapChangeMs(T0 + 500)).toBe(T0 + 2000);
    expect(s.nextFlapChangeMs(T0 + 2000)).toBe(T0 + 4000);
  });

  it('removes one type or everything', () => {
    const s = new FaultState();
    s.add(validateFault({ type: 'dns_servfail' }), 'api', T0);
    s.add(validateFault({ type: 'down' }), 'api', T0);
    expect(s.remove('dns_servfail')?.fault.type).toBe('dns_servfail');
    expect(s.remove('dns_servfail')).toBeUndefined();
    expect(s.clear()).toHaveLength(1);
    expect(s.availability(T0)).toEqual({ state: 'up' });
  });

  it('flappingIsDown treats a clock before the start as the first (down) phase', () => {
    const f = { type: 'flapping' as const, period_s: 2, mode: 'refused' as const, status: 503 };
    expect(flappingIsDown(f, T0, T0 - 50)).toBe(true);
  });
});
