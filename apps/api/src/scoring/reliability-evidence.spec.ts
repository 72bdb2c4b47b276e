import { emptyUptimeMinutes } from '../uptime/uptime-summary';
import { reliabilityEvidence } from './reliability-evidence';

const HOUR = 3_600_000;
const range = { from: 0, to: 28 * 24 * HOUR };

describe('reliabilityEvidence', () => {
  it('takes availability from uptime, the degraded share of measured time, and MTTR/MTBF of the incidents', () => {
    const minutes = { ...emptyUptimeMinutes(), operational: 900, degraded: 80, major: 20, maintenance: 500, no_data: 100 };
    const e = reliabilityEvidence({ uptime: 0.98, minutes }, [{ openedAt: HOUR, resolvedAt: 3 * HOUR }, { openedAt: 10 * HOUR, resolvedAt: 11 * HOUR }], range, 0.999);
    expect(e).toEqual({
      windowDays: 28,
      sloTarget: 0.999,
      availability: 0.98,
      degradedShare: 0.08,
      incidents: 2,
      mttrMs: 1.5 * HOUR,
      mtbfMs: (range.to - 3 * HOUR) / 2,
    });
  });

  it('says nothing measured when there is no status history', () => {
    expect(reliabilityEvidence(undefined, [], range, 0.99)).toEqual({
      windowDays: 28,
      sloTarget: 0.99,
      availability: null,
      degradedShare: 0,
      incidents: 0,
      mttrMs: null,
      mtbfMs: null,
    });
  });
});
