/**
 * Flapping, as Nagios computes it: the weighted percent state change over the last 21 states.
 *
 * The 21 states give 20 possible changes between consecutive states. Change i (i = 0 oldest ..
 * 19 newest) weighs 0.75 + i * 0.5 / 19, linearly from 0.75 to 1.25, so recent changes matter
 * more. percent = 100 * sum(weights of the changes that happened) / 20.
 * (Nagios flapping.c: low_curve_value 0.75, high_curve_value 1.25, MAX_STATE_HISTORY_ENTRIES 21.)
 *
 * Hysteresis: not flapping -> flapping when percent >= startPercent (20); flapping -> not
 * flapping when percent < stopPercent (5). In between the previous verdict holds, so one
 * flapping incident is opened instead of a storm of open/resolve pairs.
 *
 * With fewer than 21 states the window is aligned on the newest state and the missing older
 * slots count as "no change" (as if the history were padded with the oldest state): a new check
 * is not called flapping more readily than an old one.
 */
export const FLAP_HISTORY = 21;
const CHANGES = FLAP_HISTORY - 1;
const LOW_WEIGHT = 0.75;
const HIGH_WEIGHT = 1.25;

export interface FlappingConfig {
  startPercent: number;
  stopPercent: number;
}

export const DEFAULT_FLAPPING_CONFIG: FlappingConfig = { startPercent: 20, stopPercent: 5 };

/** Any JSON-friendly state label (a HardState, a CheckOutcome number, ...). */
export type FlapStateValue = string | number;

export interface FlappingState {
  /** Last states, oldest first, at most 21. */
  history: FlapStateValue[];
  flapping: boolean;
}

export interface FlappingStep {
  state: FlappingState;
  flapping: boolean;
  percent: number;
  transition?: 'start' | 'stop';
}

export function initialFlappingState(): FlappingState {
  return { history: [], flapping: false };
}

/** Weight of change i (0 = oldest of the 20 possible changes, 19 = newest). */
export function changeWeight(i: number): number {
  return LOW_WEIGHT + (i * (HIGH_WEIGHT - LOW_WEIGHT)) / (CHANGES - 1);
}

/** Weighted percent state change of the newest (up to) 21 states, oldest first. */
export function percentStateChange(states: readonly FlapStateValue[]): number {
  const window = states.slice(-FLAP_HISTORY);
  const offset = FLAP_HISTORY - window.length; // missing oldest slots: no change
  let weighted = 0;
  for (let j = 1; j < window.length; j++) {
    if (window[j] !== window[j - 1]) weighted += changeWeight(offset + j - 1);
  }
  return (weighted * 100) / CHANGES;
}

export function stepFlapping(
  state: FlappingState,
  observed: FlapStateValue,
  config: FlappingConfig = DEFAULT_FLAPPING_CONFIG,
): FlappingStep {
  const history = [...state.history, observed].slice(-FLAP_HISTORY);
  const percent = percentStateChange(history);
  let flapping = state.flapping;
  // 1e-9 slack: four changes of weights summing to exactly 4.0 must reach 20% despite floats.
  if (!flapping && percent >= config.startPercent - 1e-9) flapping = true;
  else if (flapping && percent < config.stopPercent - 1e-9) flapping = false;
  const step: FlappingStep = { state: { history, flapping }, flapping, percent };
  if (flapping !== state.flapping) step.transition = flapping ? 'start' : 'stop';
  return step;
}
