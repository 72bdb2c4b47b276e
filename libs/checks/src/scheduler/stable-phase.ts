// Stable per-check phase: every agent and every restart computes the same planned times for a
// check, because they depend only on its key, its interval and the epoch (the planned time is the
// idempotency key of a result row).

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit over the UTF-8 bytes of `text`, finished with murmur3's fmix32 for better low bits. */
export function stableHash32(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    // Encode as UTF-8 (surrogate pairs joined) so the hash does not depend on the JS string form.
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const bytes =
      c < 0x800
        ? [0xc0 | (c >> 6), 0x80 | (c & 63)]
        : c < 0x10000
          ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
          : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME);
  }
  // fmix32
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The check's offset inside its interval, in [0, intervalMs). */
export function phaseOf(key: string, intervalMs: number): number {
  return stableHash32(key) % intervalMs;
}

/** The first planned time `k * intervalMs + phase` that is >= `at` (epoch ms). */
export function slotAtOrAfter(at: number, intervalMs: number, phase: number): number {
  const k = Math.ceil((at - phase) / intervalMs);
  return k * intervalMs + phase;
}

/** The last planned time `k * intervalMs + phase` that is <= `at` (epoch ms). */
export function slotAtOrBefore(at: number, intervalMs: number, phase: number): number {
  const k = Math.floor((at - phase) / intervalMs);
  return k * intervalMs + phase;
}
