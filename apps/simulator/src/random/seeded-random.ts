/** A source of uniform numbers in [0, 1); injected so that behaviour is reproducible by seed. */
export type RandomSource = () => number;

/** FNV-1a over the text form: turns any seed (number or words) into 32 bits. */
export function hashSeed(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for simulation (not for anything secret). */
export function createSeededRandom(seed: string | number): RandomSource {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream per purpose, so adding draws in one place does not shift another. */
export function deriveRandom(seed: string | number, label: string): RandomSource {
  return createSeededRandom(`${seed}/${label}`);
}

export function pickOne<T>(items: readonly T[], random: RandomSource): T {
  if (items.length === 0) throw new Error('pickOne: empty list');
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}
