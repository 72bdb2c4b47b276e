import { createHash } from 'node:crypto';

/**
 * Rendezvous (highest random weight) hashing: each item goes to the candidate with the highest
 * weight(item, candidate). Adding a candidate moves only the items it now wins; removing one moves
 * only the items it had. Weights are 48 bits of sha256, so they agree on every node and version.
 */
export function rendezvousWeight(item: string, candidate: string): number {
  const digest = createHash('sha256').update(item).update('\u0000').update(candidate).digest();
  return digest.readUIntBE(0, 6);
}

/** The winning candidate for an item, or undefined when there are none. Ties go to the lower id. */
export function rendezvousPick(item: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestWeight = -1;
  for (const candidate of candidates) {
    const weight = rendezvousWeight(item, candidate);
    if (weight > bestWeight || (weight === bestWeight && best !== undefined && candidate < best)) {
      best = candidate;
      bestWeight = weight;
    }
  }
  return best;
}

/** Spreads items over candidates; every candidate gets an entry (possibly empty). */
export function rendezvousSpread<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  candidates: readonly string[],
): Map<string, T[]> {
  const out = new Map<string, T[]>(candidates.map((c) => [c, []]));
  if (candidates.length === 0) return out;
  for (const item of items) out.get(rendezvousPick(keyOf(item), candidates)!)!.push(item);
  return out;
}
