/**
 * Degraded-by-latency for one (check, region): an absolute threshold plus a learned baseline.
 *
 * Baseline: EWMA of ln(latency) (latencies are log-normal-ish; in log space a 2x slowdown is
 * the same distance whether the service answers in 20 ms or 2 s) with hour-of-week
 * seasonality: 168 buckets, each with its own EWMA mean and variance, plus a global bucket fed
 * by every sample and used as a fallback while the hour bucket is cold.
 *
 * A sample is *slow* when
 *   (a) latencyMs > absoluteMs (when configured), or
 *   (b) the baseline is warm (hour bucket has >= warmupSamples; else the global bucket when
 *       `globalFallback`, with the same warm-up) and ln(latency) > mean + z * max(stddev, minStddev).
 * Before warm-up only (a) applies. The comparison uses the statistics BEFORE the sample is
 * learned, so a sample never vouches for itself.
 * The result is degraded when at least K of the last M samples were slow.
 *
 * Why slow samples use `slowAlpha` (much smaller than alpha) instead of alpha: during an
 * incident every sample is slow; learning them at full speed would drag the mean up until the
 * incident looks normal and the degradation "resolves" itself while users still suffer. Not
 * learning them at all would be wrong too: a genuine, permanent change (a new data centre
 * further away) would then stay "degraded" forever. A small alpha absorbs a lasting shift over
 * days to weeks while a spike of a few hours barely moves the baseline.
 *
 * Normal samples use alpha_eff = max(alpha, 1/n): the first samples form a plain running mean
 * and variance, so the baseline does not start biased towards its zero initial value. A
 * baseline-slow sample moves only the mean, by exactly `slowAlpha`, on a warm bucket (not the
 * variance: see `learn`). A cold bucket learns every sample as a plain mean: an incident
 * during warm-up is forgotten at rate alpha afterwards, while a cold hour that refused the
 * samples the global fallback calls slow would never warm up. With the defaults a 10x
 * slowdown stays slow for about 400 samples of the same bucket and a doubling for over 100:
 * an incident is not absorbed, a permanent shift is, within days to weeks.
 *
 * Only samples with a latency (Up/Degraded runs) are fed: Down and Unknown runs have no
 * meaningful latency and belong to the soft/hard machine, so the caller skips them.
 * State is plain JSON (about 170 small objects per check-region).
 */
export interface EwmaBucket {
  /** Samples learned so far (drives warm-up). */
  n: number;
  /** EWMA of ln(latencyMs). */
  mean: number;
  /** EWMA variance of ln(latencyMs). */
  variance: number;
}

export interface LatencyBaselineConfig {
  /** Absolute threshold in ms: above it a sample is slow; null = only the baseline. */
  absoluteMs: number | null;
  /** EWMA weight of a normal sample (default 0.05, about a 20-sample memory per bucket). */
  alpha: number;
  /** EWMA weight of a baseline-slow sample (default 0.005). */
  slowAlpha: number;
  /** Standard deviations above the mean that make a sample slow (default 3). */
  z: number;
  /** Samples a bucket needs before it judges (default 30). */
  warmupSamples: number;
  /** Floor for the stddev in log space (default 0.1, about 10%), so a very steady service
   *  is not declared slow for a few milliseconds of jitter. */
  minStddev: number;
  /** Use the global bucket while the hour bucket is cold (default true). */
  globalFallback: boolean;
  /** K of M: degraded when at least `k` of the last `m` samples were slow (defaults 3 of 5). */
  k: number;
  m: number;
  /** Offset of the local clock used for hour-of-week buckets (default +300, Asia/Almaty,
   *  which has no DST). Any fixed offset only rotates the buckets; it keeps them readable. */
  utcOffsetMinutes: number;
}

export const DEFAULT_LATENCY_BASELINE_CONFIG: LatencyBaselineConfig = {
  absoluteMs: null,
  alpha: 0.05,
  slowAlpha: 0.005,
  z: 3,
  warmupSamples: 30,
  minStddev: 0.1,
  globalFallback: true,
  k: 3,
  m: 5,
  utcOffsetMinutes: 300,
};

export const HOURS_PER_WEEK = 168;

export interface LatencyBaselineState {
  /** 168 buckets, index = hourOfWeek (0 = Monday 00:00 local). */
  buckets: EwmaBucket[];
  global: EwmaBucket;
  /** Slow flags of the last M samples, oldest first. */
  recent: boolean[];
  /** Whether the previous step ended degraded (to report transitions). */
  degraded: boolean;
}

export interface LatencySample {
  at: number;
  latencyMs: number;
}

export type SlowReason = 'absolute' | 'baseline';

export interface LatencyStep {
  state: LatencyBaselineState;
  slow: boolean;
  /** Why the sample was slow ('absolute' wins when both apply); null when not slow. */
  reason: SlowReason | null;
  degraded: boolean;
  /** Set when `degraded` differs from the previous step. */
  transition?: 'degraded' | 'recovered';
  /** Which bucket judged the sample: the hour bucket, the global fallback, or none (cold). */
  judgedBy: 'hour' | 'global' | null;
  /** Latency above which the baseline calls a sample slow (ms), when a bucket judged. */
  thresholdMs: number | null;
}

export function emptyBucket(): EwmaBucket {
  return { n: 0, mean: 0, variance: 0 };
}

export function initialLatencyBaselineState(): LatencyBaselineState {
  return {
    buckets: Array.from({ length: HOURS_PER_WEEK }, emptyBucket),
    global: emptyBucket(),
    recent: [],
    degraded: false,
  };
}

/** Hour of the week, 0 = Monday 00:00-00:59 in the given fixed offset. */
export function hourOfWeek(
  at: number,
  utcOffsetMinutes = DEFAULT_LATENCY_BASELINE_CONFIG.utcOffsetMinutes,
): number {
  const hours = Math.floor((at + utcOffsetMinutes * 60_000) / 3_600_000);
  // 1970-01-01 was a Thursday: shift by 3 days so that Monday is 0.
  return (((hours + 72) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

/** ln of the latency; sub-millisecond latencies count as 1 ms (ln 0 would be -Infinity). */
export function logLatency(latencyMs: number): number {
  return Math.log(Math.max(latencyMs, 1));
}

/** Finch's incremental EWMA mean/variance with weight `a` for the new sample. */
export function updateBucket(bucket: EwmaBucket, x: number, a: number): EwmaBucket {
  const n = bucket.n + 1;
  const diff = x - bucket.mean;
  const incr = a * diff;
  return { n, mean: bucket.mean + incr, variance: (1 - a) * (bucket.variance + diff * incr) };
}

export function stepLatencyBaseline(
  state: LatencyBaselineState,
  sample: LatencySample,
  config: LatencyBaselineConfig = DEFAULT_LATENCY_BASELINE_CONFIG,
): LatencyStep {
  const x = logLatency(sample.latencyMs);
  const index = hourOfWeek(sample.at, config.utcOffsetMinutes);
  const hourBucket = state.buckets[index] ?? emptyBucket();

  let judge: EwmaBucket | null = null;
  let judgedBy: LatencyStep['judgedBy'] = null;
  if (hourBucket.n >= config.warmupSamples) {
    judge = hourBucket;
    judgedBy = 'hour';
  } else if (config.globalFallback && state.global.n >= config.warmupSamples) {
    judge = state.global;
    judgedBy = 'global';
  }
  const limit = judge ? judge.mean + config.z * Math.max(Math.sqrt(judge.variance), config.minStddev) : null;
  const baselineSlow = limit !== null && x > limit;
  const absoluteSlow = config.absoluteMs !== null && sample.latencyMs > config.absoluteMs;
  const slow = absoluteSlow || baselineSlow;

  const buckets = state.buckets.slice();
  buckets[index] = learn(hourBucket, x, baselineSlow, config);
  const global = learn(state.global, x, baselineSlow, config);
  const recent = [...state.recent, slow].slice(-config.m);
  const degraded = recent.filter(Boolean).length >= config.k;

  const step: LatencyStep = {
    state: { buckets, global, recent, degraded },
    slow,
    reason: absoluteSlow ? 'absolute' : baselineSlow ? 'baseline' : null,
    degraded,
    judgedBy,
    thresholdMs: limit === null ? null : Math.exp(limit),
  };
  if (degraded !== state.degraded) step.transition = degraded ? 'degraded' : 'recovered';
  return step;
}

function learn(
  bucket: EwmaBucket,
  x: number,
  baselineSlow: boolean,
  config: LatencyBaselineConfig,
): EwmaBucket {
  // A cold bucket learns everything: when the global fallback calls the samples of a naturally
  // slower hour slow, skipping them would keep that hour cold, and "degraded", forever.
  if (!baselineSlow || bucket.n < config.warmupSamples) {
    return updateBucket(bucket, x, Math.max(config.alpha, 1 / (bucket.n + 1)));
  }
  // Mean only: learning the variance from outliers would widen the band until it hides the
  // very incident the outliers belong to (with z = 3, in about 20 samples).
  return {
    n: bucket.n + 1,
    mean: bucket.mean + config.slowAlpha * (x - bucket.mean),
    variance: bucket.variance,
  };
}
