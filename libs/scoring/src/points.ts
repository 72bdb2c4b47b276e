/** Points are shown and summed with one decimal everywhere, so what a reader adds up matches. */
export function roundPoints(value: number): number {
  return Math.round(value * 10) / 10;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Splits `total` points over parts in proportion to their weights, in tenths, so the rounded
 * shares add up to exactly the rounded total (largest remainders get the leftover tenths).
 * Zero or negative weights get nothing; with no positive weight everything is 0.
 */
export function distributePoints(total: number, weights: readonly number[]): number[] {
  const tenths = Math.round(total * 10);
  const positive = weights.map((w) => (w > 0 ? w : 0));
  const sum = positive.reduce((a, b) => a + b, 0);
  if (sum === 0 || tenths <= 0) return weights.map(() => 0);
  const exact = positive.map((w) => (w / sum) * tenths);
  const shares = exact.map(Math.floor);
  let left = tenths - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    if (positive[index] === 0) continue;
    shares[index] += 1;
    left -= 1;
  }
  return shares.map((t) => t / 10);
}
