import { FaultType } from '../faults/fault.types';
import { Fleet, FleetSystem } from '../fleet/fleet.types';
import { deriveRandom, pickOne, RandomSource } from '../random/seeded-random';

const MINUTE_MS = 60_000;

/** One scripted event: at `atMs` into the cycle, `system` gets `fault` for `durationMs`. */
export interface ScenarioStep {
  label: string;
  atMs: number;
  system: string;
  fault: { type: FaultType } & Record<string, unknown>;
  durationMs: number;
}

export interface ScenarioCycle {
  cycle: number;
  lengthMs: number;
  steps: ScenarioStep[];
}

interface Template {
  label: string;
  /** Preferred systems first; otherwise any system matching `fallback`. */
  prefer: string[];
  fallback: (s: FleetSystem) => boolean;
  fault: (r: RandomSource) => ScenarioStep['fault'];
  minutes: [number, number];
}

const between = (r: RandomSource, lo: number, hi: number) => lo + r() * (hi - lo);
const persona =
  (...codes: string[]) =>
  (s: FleetSystem) =>
    codes.includes(s.persona);

/** What a day at the situation centre looks like; the fleet's personas decide who misbehaves how. */
const TEMPLATES: Template[] = [
  {
    label: 'gateway-peak-slowness',
    prefer: ['egov-gateway'],
    fallback: (s) => s.tier === 'critical',
    fault: (r) => ({
      type: 'slow',
      latency_ms: {
        distribution: 'lognormal',
        median: Math.round(between(r, 600, 1200)),
        p95: 3000,
        max: 8000,
      },
    }),
    minutes: [6, 10],
  },
  {
    label: 'neglected-flapping',
    prefer: [],
    fallback: persona('neglected'),
    fault: (r) => ({ type: 'flapping', period_s: Math.round(between(r, 60, 120)), mode: 'refused' }),
    minutes: [4, 8],
  },
  {
    label: 'damumed-partial-errors',
    prefer: ['damumed'],
    fallback: persona('neglected'),
    fault: (r) => ({ type: 'partial', error_rate: Math.round(between(r, 0.15, 0.35) * 100) / 100 }),
    minutes: [5, 10],
  },
  {
    label: 'abandoned-cert-expiring',
    prefer: [],
    fallback: persona('abandoned'),
    fault: (r) => ({ type: 'cert_expiring', days: Math.round(between(r, 3, 14)) }),
    minutes: [15, 25],
  },
  {
    label: 'esf-outage',
    prefer: ['esf'],
    fallback: persona('legacy-windows'),
    fault: () => ({ type: 'down', mode: 'refused' }),
    minutes: [3, 6],
  },
  {
    label: 'legacy-hang',
    prefer: [],
    fallback: (s) => s.persona === 'legacy-windows' && s.code !== 'esf',
    fault: () => ({ type: 'down', mode: 'timeout' }),
    minutes: [2, 4],
  },
  {
    label: 'dns-hiccup',
    prefer: [],
    fallback: persona('neglected', 'abandoned'),
    fault: () => ({ type: 'dns_servfail' }),
    minutes: [1, 3],
  },
  {
    label: 'maintenance-page-served',
    prefer: [],
    fallback: persona('dated'),
    fault: () => ({ type: 'wrong_content', body: '{"status":"DOWN","message":"технические работы"}' }),
    minutes: [2, 4],
  },
];

/**
 * The events of one cycle: the same seed and cycle number give the same steps. Templates
 * are shuffled per cycle and started a few minutes apart; a template whose systems are not
 * in the (possibly reduced) fleet is skipped. Bounded: at most one event per template per
 * cycle, so at most TEMPLATES.length faults at a time.
 */
export function planDayInTheLife(fleet: Fleet, seed: string | number, cycle: number): ScenarioCycle {
  const random = deriveRandom(seed, `day-in-the-life/${cycle}`);
  const order = shuffle(TEMPLATES, random);
  const steps: ScenarioStep[] = [];
  let atMs = Math.round(between(random, 0.2, 1) * MINUTE_MS);
  for (const template of order) {
    const candidates = fleet.systems.filter((s) => template.prefer.includes(s.code));
    const pool = candidates.length > 0 ? candidates : fleet.systems.filter(template.fallback);
    if (pool.length === 0) continue;
    const system = pickOne(pool, random);
    steps.push({
      label: template.label,
      atMs,
      system: system.code,
      fault: template.fault(random),
      durationMs: Math.round(between(random, template.minutes[0], template.minutes[1]) * MINUTE_MS),
    });
    atMs += Math.round(between(random, 2, 5) * MINUTE_MS);
  }
  const lastEnd = Math.max(atMs, ...steps.map((s) => s.atMs + s.durationMs));
  return { cycle, lengthMs: lastEnd, steps };
}

function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
