import { evaluateQuorum, RegionVote } from './region-quorum';
import type { HardState } from './soft-hard-state.machine';

const NOW = 1_800_000_000_000;
const config = { staleAfterMs: 180_000 };
const v = (region: string, hard: HardState, age: number | null = 0): RegionVote => ({
  region,
  hard,
  lastKnownAt: age === null ? null : NOW - age,
});
const verdict = (...regions: RegionVote[]) => evaluateQuorum(regions, NOW, config).verdict;

describe('region quorum', () => {
  it('a single region is its own majority', () => {
    expect(verdict(v('a', 'down'))).toBe('down');
    expect(verdict(v('a', 'up'))).toBe('up');
    expect(verdict(v('a', 'degraded'))).toBe('degraded');
  });

  it('no regions, or all unknown, is unknown', () => {
    expect(verdict()).toBe('unknown');
    expect(verdict(v('a', 'unknown'), v('b', 'unknown'))).toBe('unknown');
  });

  it('strict majority of down voters is down', () => {
    expect(verdict(v('a', 'down'), v('b', 'down'), v('c', 'up'))).toBe('down');
    expect(verdict(v('a', 'down'), v('b', 'down'), v('c', 'down'), v('d', 'up'))).toBe('down');
    expect(verdict(v('a', 'down'), v('b', 'down'))).toBe('down');
  });

  it('ties are regional: 1 of 2, 2 of 4', () => {
    expect(verdict(v('a', 'down'), v('b', 'up'))).toBe('regional');
    expect(verdict(v('a', 'down'), v('b', 'down'), v('c', 'up'), v('d', 'up'))).toBe('regional');
  });

  it('a minority failing is regional', () => {
    expect(verdict(v('a', 'down'), v('b', 'up'), v('c', 'up'))).toBe('regional');
  });

  it('down plus degraded without a down majority is regional', () => {
    expect(verdict(v('a', 'down'), v('b', 'degraded'), v('c', 'up'))).toBe('regional');
  });

  it('unknown regions do not vote: 1 down + 1 unknown + 1 up is a tie -> regional', () => {
    const r = evaluateQuorum([v('a', 'down'), v('b', 'unknown'), v('c', 'up')], NOW, config);
    expect(r.verdict).toBe('regional');
    expect(r.abstained).toEqual(['b']);
    expect(r.voters).toEqual(['a', 'c']);
  });

  it('unknown regions do not vote: 1 down + 2 unknown -> down (1 of 1)', () => {
    expect(verdict(v('a', 'down'), v('b', 'unknown'), v('c', 'unknown'))).toBe('down');
  });

  it('stale regions do not vote; the staleness window is inclusive', () => {
    expect(verdict(v('a', 'down'), v('b', 'up', 180_001))).toBe('down');
    expect(verdict(v('a', 'down'), v('b', 'up', 180_000))).toBe('regional');
    expect(verdict(v('a', 'down', null), v('b', 'up'))).toBe('up');
    expect(verdict(v('a', 'down', 999_999), v('b', 'up', 999_999))).toBe('unknown');
  });

  it('degraded majority is degraded; degraded minority or tie is regional', () => {
    expect(verdict(v('a', 'degraded'), v('b', 'degraded'), v('c', 'up'))).toBe('degraded');
    expect(verdict(v('a', 'degraded'), v('b', 'up'))).toBe('regional');
    expect(verdict(v('a', 'degraded'), v('b', 'up'), v('c', 'up'))).toBe('regional');
  });

  it('all up is up', () => {
    expect(verdict(v('a', 'up'), v('b', 'up'), v('c', 'up'))).toBe('up');
  });

  it('reports who voted what', () => {
    const r = evaluateQuorum(
      [v('a', 'down'), v('b', 'degraded'), v('c', 'down'), v('d', 'unknown')],
      NOW,
      config,
    );
    expect(r).toEqual({
      verdict: 'down',
      voters: ['a', 'b', 'c'],
      down: ['a', 'c'],
      degraded: ['b'],
      abstained: ['d'],
    });
  });
});
