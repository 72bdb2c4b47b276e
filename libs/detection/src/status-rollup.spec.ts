import type { PublicStatus } from '@kuzet/contracts';
import {
  AgencySystemInput,
  capByCriticality,
  CheckStatusInput,
  checkStatusFromVerdict,
  rollupAgencyStatus,
  rollupSystemStatus,
} from './status-rollup';

const crit = (status: PublicStatus | null): CheckStatusInput => ({ status });
const minor = (status: PublicStatus | null): CheckStatusInput => ({ status, criticality: 'minor' });
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

describe('capByCriticality', () => {
  it('caps minor checks at partial_outage and leaves critical ones alone', () => {
    expect(capByCriticality('major_outage', 'minor')).toBe('partial_outage');
    expect(capByCriticality('degraded_performance', 'minor')).toBe('degraded_performance');
    expect(capByCriticality('major_outage', 'critical')).toBe('major_outage');
    expect(capByCriticality('major_outage')).toBe('major_outage');
  });
});

describe('rollupSystemStatus', () => {
  it('maintenance overrides everything', () => {
    expect(rollupSystemStatus({ checks: [crit('major_outage')], maintenance: true })).toBe(
      'under_maintenance',
    );
    expect(rollupSystemStatus({ checks: [], maintenance: true })).toBe('under_maintenance');
  });
  it('no known check is no data (null)', () => {
    expect(sys()).toBeNull();
    expect(sys(crit(null), minor(null))).toBeNull();
  });
  it('a single critical check down is a major outage', () => {
    expect(sys(crit('major_outage'))).toBe('major_outage');
  });
  it('all critical checks down is major even if minor checks are fine', () => {
    expect(sys(crit('major_outage'), crit('major_outage'), minor('operational'))).toBe('major_outage');
  });
  it('some but not all critical checks down is partial', () => {
    expect(sys(crit('major_outage'), crit('operational'))).toBe('partial_outage');
    expect(sys(crit('major_outage'), crit('degraded_performance'), crit('operational'))).toBe(
      'partial_outage',
    );
  });
  it('unknown checks are left out: one down + one unknown is major', () => {
    expect(sys(crit('major_outage'), crit(null))).toBe('major_outage');
  });
  it('a minor check failing caps at partial_outage', () => {
    expect(sys(crit('operational'), minor('major_outage'))).toBe('partial_outage');
    expect(sys(minor('major_outage'))).toBe('partial_outage');
    expect(sys(minor('major_outage'), minor('major_outage'))).toBe('partial_outage');
  });
  it('otherwise the worst contribution', () => {
    expect(sys(crit('operational'), crit('degraded_performance'))).toBe('degraded_performance');
    expect(sys(crit('partial_outage'), crit('degraded_performance'))).toBe('partial_outage');
    expect(sys(crit('operational'), minor('degraded_performance'))).toBe('degraded_performance');
    expect(sys(crit('operational'), crit('operational'))).toBe('operational');
  });
  it('a check-level under_maintenance status is ignored (system-level flag decides)', () => {
    expect(sys(crit('under_maintenance'), crit('operational'))).toBe('operational');
    expect(sys(crit('under_maintenance'))).toBeNull();
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
