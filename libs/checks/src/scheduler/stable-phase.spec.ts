import { phaseOf, slotAtOrAfter, slotAtOrBefore, stableHash32 } from './stable-phase';

describe('stable phase', () => {
  it('hashes deterministically to an unsigned 32-bit number, UTF-8 aware', () => {
    expect(stableHash32('egov-portal/https')).toBe(stableHash32('egov-portal/https'));
    expect(stableHash32('a')).not.toBe(stableHash32('b'));
    for (const s of ['', 'a', 'күзет/https', '😀']) {
      const h = stableHash32(s);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
    // Fixed values: planned times are idempotency keys, so the hash must never change silently.
    expect([stableHash32('check-1'), stableHash32('күзет')]).toEqual([2792651878, 4290822617]);
  });

  it('equals FNV-1a + fmix32 over the UTF-8 bytes', () => {
    const reference = (s: string) => {
      let h = 0x811c9dc5;
      for (const b of Buffer.from(s, 'utf8')) h = Math.imul(h ^ b, 0x01000193);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      return h >>> 0;
    };
    for (const s of ['', 'abc', 'égal', 'күзет/https', 'a😀b', 'x\u07ffy\u0800z'])
      expect(stableHash32(s)).toBe(reference(s));
  });

  it('keeps the phase inside the interval', () => {
    for (let i = 0; i < 500; i++) {
      const p = phaseOf(`k${i}`, 30_000);
      expect(p >= 0 && p < 30_000 && Number.isInteger(p)).toBe(true);
    }
  });

  it('spreads 1,000 checks at 60 s: no 1-second bucket holds more than 3x the mean', () => {
    const buckets = new Array<number>(60).fill(0);
    for (let i = 0; i < 1000; i++)
      buckets[Math.floor(phaseOf(`system-${i % 37}/check-${i}`, 60_000) / 1000)]++;
    const mean = 1000 / 60;
    expect(Math.max(...buckets)).toBeLessThanOrEqual(3 * mean);
    expect(buckets.filter((b) => b === 0).length).toBe(0);
  });

  it('spreads sequential keys evenly too (chi-square over 10 buckets)', () => {
    const buckets = new Array<number>(10).fill(0);
    const n = 10_000;
    for (let i = 0; i < n; i++) buckets[Math.floor(phaseOf(`check-${i}`, 10_000) / 1000)]++;
    const expected = n / 10;
    const chi2 = buckets.reduce((s, b) => s + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(30); // 9 degrees of freedom; p = 0.0004
  });

  it('finds grid slots at or after / at or before an instant', () => {
    const interval = 60_000;
    const phase = 1_234;
    const t = 1_700_000_000_000;
    const after = slotAtOrAfter(t, interval, phase);
    const before = slotAtOrBefore(t, interval, phase);
    expect(after % interval).toBe(phase);
    expect(before % interval).toBe(phase);
    expect(after >= t && after - t < interval).toBe(true);
    expect(before <= t && t - before < interval).toBe(true);
    expect(slotAtOrAfter(after, interval, phase)).toBe(after);
    expect(slotAtOrBefore(after, interval, phase)).toBe(after);
  });
});
