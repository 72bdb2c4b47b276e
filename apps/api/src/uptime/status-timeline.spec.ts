import type { PublicStatus, SystemTier } from '@kuzet/contracts';
import { rollupAgencyStatus } from '@kuzet/detection';
import { mergeTimelines, observedUntil, statusSegments } from './status-timeline';
import type { StatusTimeline } from './status-timeline';

const seg = (start: number, end: number, status: PublicStatus | null) => ({ start, end, status });

describe('statusSegments', () => {
  it('before the first change is no data; the last change holds to the end', () => {
    expect(statusSegments([{ at: 30, status: 'major_outage' }], 0, 100)).toEqual([
      seg(0, 30, null),
      seg(30, 100, 'major_outage'),
    ]);
  });

  it('the change at or before `from` sets the starting status; changes at or after `to` are ignored', () => {
    const timeline: StatusTimeline = [
      { at: -50, status: 'partial_outage' },
      { at: 0, status: 'operational' },
      { at: 40, status: 'major_outage' },
      { at: 100, status: 'operational' },
    ];
    expect(statusSegments(timeline, 0, 100)).toEqual([
      seg(0, 40, 'operational'),
      seg(40, 100, 'major_outage'),
    ]);
    expect(statusSegments(timeline, -10, 20)).toEqual([
      seg(-10, 0, 'partial_outage'),
      seg(0, 20, 'operational'),
    ]);
  });

  it('a repeated status makes one segment; an empty timeline is all no data', () => {
    expect(
      statusSegments(
        [
          { at: 10, status: 'operational' },
          { at: 20, status: 'operational' },
          { at: 30, status: null },
        ],
        0,
        50,
      ),
    ).toEqual([seg(0, 10, null), seg(10, 30, 'operational'), seg(30, 50, null)]);
    expect(statusSegments([], 0, 50)).toEqual([seg(0, 50, null)]);
  });
});

describe('mergeTimelines with the agency roll-up', () => {
  const agency = (tiers: SystemTier[]) => (statuses: (PublicStatus | null)[]) =>
    rollupAgencyStatus(statuses.map((status, i) => ({ status, tier: tiers[i] })));

  it('a critical system in major outage is major; a normal one caps at partial; unknown systems abstain', () => {
    const critical: StatusTimeline = [
      { at: 0, status: 'operational' },
      { at: 10, status: 'major_outage' },
      { at: 20, status: 'operational' },
    ];
    const normal: StatusTimeline = [
      { at: 5, status: 'operational' },
      { at: 30, status: 'major_outage' },
      { at: 40, status: null },
    ];
    expect(mergeTimelines([critical, normal], agency(['critical', 'normal']))).toEqual([
      { at: 0, status: 'operational' }, // the normal system has no record yet: it abstains
      { at: 10, status: 'major_outage' },
      { at: 20, status: 'operational' },
      { at: 30, status: 'partial_outage' },
      { at: 40, status: 'operational' },
    ]);
  });

  it('a system under maintenance is left out unless all are; simultaneous changes are one instant', () => {
    const a: StatusTimeline = [
      { at: 0, status: 'under_maintenance' },
      { at: 10, status: 'major_outage' },
    ];
    const b: StatusTimeline = [
      { at: 0, status: 'under_maintenance' },
      { at: 5, status: 'degraded_performance' },
      { at: 10, status: 'major_outage' },
    ];
    expect(mergeTimelines([a, b], agency(['normal', 'normal']))).toEqual([
      { at: 0, status: 'under_maintenance' },
      { at: 5, status: 'degraded_performance' },
      { at: 10, status: 'major_outage' },
    ]);
  });

  it('no systems, no changes', () => {
    expect(mergeTimelines([], agency([]))).toEqual([]);
  });
});

describe('observedUntil', () => {
  it('cuts the timeline at now: after now is no data', () => {
    expect(
      observedUntil(
        [
          { at: 0, status: 'operational' },
          { at: 50, status: 'major_outage' },
        ],
        40,
      ),
    ).toEqual([
      { at: 0, status: 'operational' },
      { at: 40, status: null },
    ]);
  });
});
