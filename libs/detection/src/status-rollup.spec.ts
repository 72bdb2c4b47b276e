import type { PublicStatus } from '@kuzet/contracts';
import {
  AgencySystemInput,
  CheckStatusInput,
  checkStatusFromVerdict,
  rollupAgencyStatus,
  rollupSystemStatus,
} from './status-rollup';

const prim = (status: PublicStatus | null): CheckStatusInput => ({ status, role: 'primary' });
const diag = (status: PublicStatus | null): CheckStatusInput => ({ status, role: 'diagnostic' });
const sys = (...checks: CheckStatusInput[]) => rollupSystemStatus({ checks });

describe('checkStatusFromVerdict', () => {
  it('maps quorum verdicts; regional is a warning, unknown is no data', () => {
    expect(checkStatusFromVerdict('up')).toBe('operational');
    expect(checkStatusFromVerdict('degraded')).toBe('degraded_performance');
    expect(checkStatusFromVerdict('regional')).toBe('degraded_performance');
    expect(checkStatusFromVerdict('down')).toBe('major_outage');
    expect(checkStatusFromVerdict('unknown')).toBeNull();
  });
});

describe('rollupSystemStatus', () => {
  it('maintenance overrides everything', () => {
    expect(rollupSystemStatus({ checks: [prim('major_outage')], maintenance: true })).toBe(
      'under_maintenance',
    );
    expect(rollupSystemStatus({ checks: [], maintenance: true })).toBe('under_maintenance');
  });
  it('no known primary check is no data (null), whatever the diagnostics say', () => {
    expect(sys()).toBeNull();
    expect(sys(prim(null), diag(null))).toBeNull();
    expect(sys(prim(null), diag('major_outage'))).toBeNull();
  });
  it('a single primary check down is a major outage', () => {
    expect(sys(prim('major_outage'))).toBe('major_outage');
  });
  it('every primary check down is a major outage even while DNS, TCP and TLS answer', () => {
    // the demo's e-gov gateway answering 503 to everything: was partial, is major
    expect(sys(prim('major_outage'), diag('operational'), diag('operational'), diag('operational'))).toBe(
      'major_outage',
    );
    // egov-portal hung and SERVFAIL: was partial, is major
    expect(sys(prim('major_outage'), diag('major_outage'), diag('operational'))).toBe('major_outage');
  });
  it('some but not all primary checks down is partial', () => {
    expect(sys(prim('major_outage'), prim('operational'))).toBe('partial_outage');
    expect(
      sys(prim('major_outage'), prim('degraded_performance'), prim('operational'), diag('operational')),
    ).toBe('partial_outage');
  });
  it('unknown checks are left out: one primary down + one unknown is major', () => {
    expect(sys(prim('major_outage'), prim(null))).toBe('major_outage');
  });
  it('a failing diagnostic check only degrades', () => {
    expect(sys(prim('operational'), diag('major_outage'))).toBe('degraded_performance');
    expect(sys(prim('operational'), diag('degraded_performance'))).toBe('degraded_performance');
    expect(sys(prim('operational'), diag('operational'))).toBe('operational');
    expect(sys(prim('degraded_performance'), diag('major_outage'))).toBe('degraded_performance');
  });
  it('a system with diagnostic checks only lets them decide', () => {
    // e-Otinish with every port refused and only tcp checks: a major outage, not partial
    expect(sys(diag('major_outage'), diag('major_outage'))).toBe('major_outage');
    expect(sys(diag('major_outage'), diag('operational'))).toBe('partial_outage');
  });
  it('otherwise the worst primary status', () => {
    expect(sys(prim('operational'), prim('degraded_performance'))).toBe('degraded_performance');
    expect(sys(prim('operational'), prim('operational'))).toBe('operational');
  });
  it('a check-level under_maintenance status is ignored (system-level flag decides)', () => {
    expect(sys(prim('under_maintenance'), prim('operational'))).toBe('operational');
    expect(sys(prim('under_maintenance'))).toBeNull();
  });
});

describe('rollupAgencyStatus', () => {
  const s = (status: PublicStatus | null, tier: AgencySystemInput['tier'] = 'normal'): AgencySystemInput => ({
    status,
    tier,
  });
  it('no known system is no data', () => {
    expect(rollupAgencyStatus([])).toBeNull();
    expect(rollupAgencyStatus([s(null)])).toBeNull();
  });
  it('all known systems under maintenance -> under_maintenance; else maintenance is left out', () => {
    expect(rollupAgencyStatus([s('under_maintenance'), s(null)])).toBe('under_maintenance');
    expect(rollupAgencyStatus([s('under_maintenance'), s('operational')])).toBe('operational');
    expect(rollupAgencyStatus([s('under_maintenance', 'critical'), s('major_outage')])).toBe('major_outage');
  });
  it('one critical-tier system in major outage -> major', () => {
    expect(rollupAgencyStatus([s('major_outage', 'critical'), s('operational'), s('operational')])).toBe(
      'major_outage',
    );
  });
  it('a non-critical system in major outage caps at partial', () => {
    expect(rollupAgencyStatus([s('major_outage', 'high'), s('operational', 'critical')])).toBe(
      'partial_outage',
    );
    expect(rollupAgencyStatus([s('major_outage', 'internal'), s('operational')])).toBe('partial_outage');
  });
  it('every system in major outage -> major, whatever the tiers', () => {
    expect(rollupAgencyStatus([s('major_outage', 'normal'), s('major_outage', 'internal')])).toBe(
      'major_outage',
    );
    expect(rollupAgencyStatus([s('major_outage', 'normal')])).toBe('major_outage');
  });
  it('partial anywhere -> partial; degraded -> degraded; else operational', () => {
    expect(rollupAgencyStatus([s('partial_outage', 'critical'), s('operational')])).toBe('partial_outage');
    expect(rollupAgencyStatus([s('degraded_performance'), s('operational')])).toBe('degraded_performance');
    expect(rollupAgencyStatus([s('operational'), s(null)])).toBe('operational');
  });
});
