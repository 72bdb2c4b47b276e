import * as detection from './index';

describe('@kuzet/detection public API', () => {
  it('exports every building block', () => {
    for (const name of [
      'stepSoftHard',
      'initialSoftHardState',
      'replaySoftHard',
      'evaluateQuorum',
      'stepLatencyBaseline',
      'initialLatencyBaselineState',
      'hourOfWeek',
      'stepFlapping',
      'percentStateChange',
      'evaluateBurnRate',
      'resolveSlo',
      'rollupSystemStatus',
      'rollupAgencyStatus',
      'checkStatusFromVerdict',
      'worstStatus',
      'reliabilityMetrics',
      'mtta',
      'mttr',
      'mtbf',
      'uptimeFromSamples',
      'uptimeFromMinutes',
      'describeFailure',
      'SystemStatusTally',
    ]) {
      expect(typeof (detection as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
