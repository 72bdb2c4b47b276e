/** Upper bounds (ms) of the lag buckets; a lag over the last one counts as Infinity. */
const LAG_BOUNDS_MS = [1, 5, 10, 50, 100, 250, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
const SLOT_MS = 10_000;
export const PROBE_LOAD_WINDOW_MS = 60_000;
const SLOTS = PROBE_LOAD_WINDOW_MS / SLOT_MS;

/** Schedule lag p99 over the window above this: the probe is overloaded. */
export const PROBE_OVERLOAD_LAG_P99_MS = 1_000;
/** Skipped share of planned runs over the window above this: the probe is overloaded. */
export const PROBE_OVERLOAD_SKIP_SHARE = 0.01;
/**
 * Too few samples say nothing about capacity: a p99 needs this many started runs, a skip share
 * this many skipped runs in the window (a few overlaps of one slow check on a small node are not
 * an overload).
 */
export const PROBE_OVERLOAD_MIN_STARTED = 100;
export const PROBE_OVERLOAD_MIN_SKIPPED = 60;

export interface ProbeLoad {
  /** Runs started plus runs skipped over the last minute. */
  planned: number;
  skipped: number;
  skippedShare: number;
  /** Upper bound of the bucket holding the p99 schedule lag, 60000 = a minute or more (null: no run started). */
  lagP99Ms: number | null;
  overloaded: boolean;
}

interface Slot {
  start: number;
  lags: Uint32Array;
  started: number;
  skipped: number;
}

/**
 * The embedded probe's load over the last minute, in six 10 s slots of fixed size (a coarse lag
 * histogram and skip counts): memory does not grow with the rate. Overloaded when the schedule
 * lag p99 exceeds PROBE_OVERLOAD_LAG_P99_MS or more than PROBE_OVERLOAD_SKIP_SHARE of the planned
 * runs were skipped, each judged only over enough samples (PROBE_OVERLOAD_MIN_*).
 */
export class ProbeLoadWindow {
  private readonly slots: Slot[] = Array.from({ length: SLOTS }, () => ({
    start: -Infinity,
    lags: new Uint32Array(LAG_BOUNDS_MS.length + 1),
    started: 0,
    skipped: 0,
  }));

  observeLags(lagsMs: Iterable<number>, now: number): void {
    const slot = this.slotAt(now);
    for (const lag of lagsMs) {
      let i = 0;
      while (i < LAG_BOUNDS_MS.length && lag > LAG_BOUNDS_MS[i]) i++;
      slot.lags[i]++;
      slot.started++;
    }
  }

  observeSkipped(n: number, now: number): void {
    if (n > 0) this.slotAt(now).skipped += n;
  }

  load(now: number): ProbeLoad {
    const from = now - PROBE_LOAD_WINDOW_MS;
    const lags = new Uint32Array(LAG_BOUNDS_MS.length + 1);
    let started = 0;
    let skipped = 0;
    for (const s of this.slots) {
      if (s.start <= from || s.start > now) continue;
      started += s.started;
      skipped += s.skipped;
      for (let i = 0; i < lags.length; i++) lags[i] += s.lags[i];
    }
    const planned = started + skipped;
    const skippedShare = planned === 0 ? 0 : skipped / planned;
    const lagP99Ms = started === 0 ? null : p99(lags, started);
    return {
      planned,
      skipped,
      skippedShare,
      lagP99Ms,
      overloaded:
        (started >= PROBE_OVERLOAD_MIN_STARTED && lagP99Ms !== null && lagP99Ms > PROBE_OVERLOAD_LAG_P99_MS) ||
        (skipped >= PROBE_OVERLOAD_MIN_SKIPPED && skippedShare > PROBE_OVERLOAD_SKIP_SHARE),
    };
  }

  private slotAt(now: number): Slot {
    const start = Math.floor(now / SLOT_MS) * SLOT_MS;
    const slot = this.slots[Math.floor(start / SLOT_MS) % SLOTS];
    if (slot.start !== start) {
      slot.start = start;
      slot.lags.fill(0);
      slot.started = 0;
      slot.skipped = 0;
    }
    return slot;
  }
}

function p99(lags: Uint32Array, total: number): number {
  const rank = Math.ceil(total * 0.99);
  let seen = 0;
  let i = 0;
  for (; i < lags.length; i++) {
    seen += lags[i];
    if (seen >= rank) break;
  }
  // The overflow bucket reads as its lower bound: "a minute or more".
  return LAG_BOUNDS_MS[Math.min(i, LAG_BOUNDS_MS.length - 1)];
}
