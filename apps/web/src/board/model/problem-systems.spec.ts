import { isProblem, problemRank, problemSystems } from './problem-systems';

describe('problem systems', () => {
  it('ranks outages, then degradation, then maintenance; operational and no data alike', () => {
    expect(['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance', 'operational', null, 'bogus'].map(problemRank)).toEqual([0, 1, 2, 3, 4, 4, 4]);
    expect(['under_maintenance', 'operational', null].map(isProblem)).toEqual([true, false, false]);
  });

  it('lists only systems with a problem, by status rank, then tier, then code', () => {
    const list = problemSystems([
      { system: 'ok', tier: 'critical', status: 'operational' },
      { system: 'new', tier: 'critical', status: null },
      { system: 'slow-normal', tier: 'normal', status: 'degraded_performance' },
      { system: 'down-high', tier: 'high', status: 'major_outage' },
      { system: 'down-critical-b', tier: 'critical', status: 'major_outage' },
      { system: 'down-critical-a', tier: 'critical', status: 'major_outage' },
      { system: 'maint', tier: 'critical', status: 'under_maintenance' },
      { system: 'part', tier: 'internal', status: 'partial_outage' },
    ]);
    expect(list).toEqual(['down-critical-a', 'down-critical-b', 'down-high', 'part', 'slow-normal', 'maint']);
  });
});
