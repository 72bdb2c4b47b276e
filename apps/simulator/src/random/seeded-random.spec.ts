import { createSeededRandom, deriveRandom, hashSeed, pickOne } from './seeded-random';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createSeededRandom('kuzet');
    const b = createSeededRandom('kuzet');
    const c = createSeededRandom('other');
    const seqA = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(seqA);
    expect(Array.from({ length: 20 }, c)).not.toEqual(seqA);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const r = createSeededRandom(42);
    const draws = Array.from({ length: 20_000 }, r);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('derives independent streams per label', () => {
    expect(deriveRandom('s', 'x')()).not.toBe(deriveRandom('s', 'y')());
    expect(hashSeed(7)).toBe(hashSeed('7'));
  });

  it('picks from a list and refuses an empty one', () => {
    expect(['a', 'b', 'c']).toContain(pickOne(['a', 'b', 'c'], createSeededRandom(1)));
    expect(() => pickOne([], createSeededRandom(1))).toThrow();
  });
});
