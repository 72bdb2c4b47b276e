import { fixtureSummary } from './public-fixtures';
import { builtBefore, withSystemStatus } from './PublicClient';
import type { PublicPageState } from './public-data';

function page(): PublicPageState {
  const summary = fixtureSummary();
  return {
    lang: 'en',
    route: { kind: 'home', group: 'agency' },
    summary,
    uptime: {},
    system: summary.systems[1],
    incident: null,
    incidents: null,
    missing: false,
  };
}

describe('withSystemStatus (a system.status event drawn before the refetch)', () => {
  it('changes that system only, in the list and on its own page', () => {
    const before = page();
    const [other, target] = before.summary!.systems;
    const after = withSystemStatus(before, { system: target.code, agency: target.agency, tier: 'critical', status: 'major_outage', updated_at: '2026-12-03T10:00:00.000Z' });
    expect(after.summary!.systems[1]).toMatchObject({ code: target.code, status: 'major_outage', status_since: '2026-12-03T10:00:00.000Z' });
    expect(after.summary!.systems[0]).toBe(other);
    expect(after.system).toMatchObject({ code: target.code, status: 'major_outage' });
    // the page it came from is not changed in place (React state)
    expect(before.summary!.systems[1].status).toBe('operational');
  });

  it('rolls the overall status up again: the outage gone, still no "operational" while a system has no data', () => {
    const status = (state: PublicPageState, system: string, to: 'operational' | 'major_outage') =>
      withSystemStatus(state, { system, agency: 'mdai', tier: 'critical', status: to, updated_at: null });
    // the fixture: egov-portal major_outage, tax-cabinet operational, e-license without data
    const recovered = status(page(), 'egov-portal', 'operational');
    expect(recovered.summary).toMatchObject({ overall: null, systems_without_data: 1 });
    const complete = status(recovered, 'e-license', 'operational');
    expect(complete.summary).toMatchObject({ overall: 'operational', systems_without_data: 0 });
    expect(status(complete, 'tax-cabinet', 'major_outage').summary).toMatchObject({ overall: 'major_outage', systems_without_data: 0 });
  });

  it('leaves a page without that system as it was', () => {
    const before = page();
    const after = withSystemStatus(before, { system: 'no-such-system', agency: 'x', tier: 'normal', status: 'major_outage', updated_at: null });
    expect(after.summary!.systems).toEqual(before.summary!.systems);
    expect(after.system).toEqual(before.system);
  });
});

describe('builtBefore (a summary read back before the change that asked for it)', () => {
  it('compares the summary build time with the event time', () => {
    const state = page();
    const built = Date.parse(state.summary!.generated_at);
    expect(builtBefore(state, built + 1)).toBe(true);
    expect(builtBefore(state, built)).toBe(false);
    expect(builtBefore({ ...state, summary: null }, built + 1)).toBe(false);
  });
});
