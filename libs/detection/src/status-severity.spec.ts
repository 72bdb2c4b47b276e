import { statusSeverity, worstStatus } from './status-severity';

describe('status severity', () => {
  it('orders operational < degraded < partial < major, maintenance lowest', () => {
    const order = [
      'under_maintenance',
      'operational',
      'degraded_performance',
      'partial_outage',
      'major_outage',
    ] as const;
    const ranks = order.map(statusSeverity);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
  it('worstStatus picks the worst; maintenance never wins over a real status; empty is null', () => {
    expect(worstStatus(['operational', 'partial_outage', 'degraded_performance'])).toBe('partial_outage');
    expect(worstStatus(['under_maintenance', 'operational'])).toBe('operational');
    expect(worstStatus(['under_maintenance'])).toBe('under_maintenance');
    expect(worstStatus([])).toBeNull();
  });
});
