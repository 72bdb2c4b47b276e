import { compactJson, zonedInputToIso } from './audit-format';

describe('audit formatting', () => {
  it('writes changes as compact JSON and cuts long ones', () => {
    expect(compactJson({ role: { from: 'viewer', to: 'admin' } })).toBe('{"role":{"from":"viewer","to":"admin"}}');
    expect(compactJson(null)).toBe('{}');
    const long = compactJson({ text: 'x'.repeat(500) }, 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith('…')).toBe(true);
  });

  it('reads a datetime-local value on the Almaty clock (UTC+5) as an ISO instant; empty or bad input is none', () => {
    expect(zonedInputToIso('2026-11-26T10:30')).toBe('2026-11-26T05:30:00.000Z');
    expect(zonedInputToIso('2026-11-26T03:15:20')).toBe('2026-11-25T22:15:20.000Z');
    expect(zonedInputToIso('2026-11-26T10:30', 'UTC')).toBe('2026-11-26T10:30:00.000Z');
    expect(zonedInputToIso('')).toBeUndefined();
    expect(zonedInputToIso('not a date')).toBeUndefined();
    expect(zonedInputToIso('2026-13-45T99:99')).toBeUndefined();
  });
});
