import { RandomSource } from '../random/seeded-random';
import { LatencySpec } from './fault.types';

/** No simulated delay exceeds two minutes: longer is a timeout, which has its own fault. */
export const MAX_LATENCY_MS = 120_000;

// z such that P(Z < z) = 0.95 for a standard normal.
const Z95 = 1.6448536269514722;

/** Draws one latency in whole milliseconds from the distribution. */
export function sampleLatencyMs(spec: LatencySpec, random: RandomSource): number {
  let ms: number;
  switch (spec.distribution) {
    case 'fixed':
      ms = spec.ms;
      break;
    case 'uniform':
      ms = spec.min + random() * (spec.max - spec.min);
      break;
    case 'lognormal': {
      // Parameterised by median and p95 because that is how people describe latency;
      // mu = ln(median), sigma from the 95th percentile.
      const mu = Math.log(spec.median);
      const sigma = spec.p95 > spec.median ? (Math.log(spec.p95) - mu) / Z95 : 0;
      ms = Math.exp(mu + sigma * standardNormal(random));
      if (spec.max !== undefined) ms = Math.min(ms, spec.max);
      break;
    }
  }
  return Math.round(Math.min(MAX_LATENCY_MS, Math.max(0, ms)));
}

/** Box-Muller; 1 - u keeps the logarithm away from zero. */
function standardNormal(random: RandomSource): number {
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
