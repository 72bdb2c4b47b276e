import type { PublicStatus } from '@kuzet/contracts';
import { CheckStatusInput, rollupSystemStatus } from './status-rollup';
import { SystemStatusTally, TalliedCheck } from './system-status-tally';

const STATUSES: (PublicStatus | null)[] = [
  null,
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
];

/** A small deterministic generator (no flaky seeds). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const tallyOf = (checks: readonly TalliedCheck[]) => {
  const t = new SystemStatusTally();
  for (const c of checks) t.add(c);
  return t;
};
const asInput = (checks: readonly TalliedCheck[]): CheckStatusInput[] => checks.map((c) => ({ status: c.status, role: c.role }));

describe('SystemStatusTally', () => {
  it('gives what rollupSystemStatus gives, over every mix of up to three checks', () => {
    const one: TalliedCheck[] = [];
    for (const status of STATUSES)
      for (const role of ['primary', 'diagnostic'] as const) one.push({ status, role, flapping: false });
    const mixes: TalliedCheck[][] = [[]];
    for (let size = 1; size <= 3; size++)
      for (const base of mixes.filter((m) => m.length === size - 1)) for (const c of one) mixes.push([...base, c]);
    expect(mixes.length).toBeGreaterThan(1000);
    for (const mix of mixes) expect([mix, tallyOf(mix).status()]).toEqual([mix, rollupSystemStatus({ checks: asInput(mix) })]);
  });

  it('stays equal to a full roll-up while checks move between statuses', () => {
    const random = lcg(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const checks: TalliedCheck[] = Array.from({ length: 40 }, () => ({
      status: pick(STATUSES),
      role: random() < 0.3 ? 'diagnostic' : 'primary',
      flapping: false,
    }));
    const tally = tallyOf(checks);
    for (let step = 0; step < 2000; step++) {
      const i = Math.floor(random() * checks.length);
      const next = { ...checks[i], status: pick(STATUSES), flapping: random() < 0.1 };
      tally.move(checks[i], next);
      checks[i] = next;
      expect(tally.status()).toBe(rollupSystemStatus({ checks: asInput(checks) }));
      expect(tally.flapping).toBe(checks.some((c) => c.flapping));
    }
    expect(tally.size).toBe(40);
  });

  it('a clone is independent of its origin', () => {
    const up: TalliedCheck = { status: 'operational', role: 'primary', flapping: false };
    const down: TalliedCheck = { ...up, status: 'major_outage' };
    const origin = tallyOf([up, up]);
    const copy = origin.clone();
    copy.move(up, down);
    expect(origin.status()).toBe('operational');
    expect(copy.status()).toBe('partial_outage');
    copy.remove(up);
    expect(copy.status()).toBe('major_outage');
    expect(origin.size).toBe(2);
  });
});
