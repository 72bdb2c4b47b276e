/** Tunables of the detector (AppConfig.detection: KUZET_DETECT_*). */
export interface DetectionOptions {
  /** A region with no known result for this many check intervals abstains from the quorum. */
  staleIntervals: number;
  /** Learn a latency baseline (EWMA, hour-of-week) per check and region, besides degraded_ms. */
  latencyBaseline: boolean;
  /**
   * A failing system whose upstream dependency is failing but not yet confirmed (soft state,
   * being rechecked) waits this long for the parent's incident before it opens one as a root.
   */
  parentGraceMs: number;
  /** Results held in memory for the detector; past it, it reads them back from check_results. */
  queueMaxRows: number;
  /** At start, read back the durable results from this long before the newest one processed. */
  catchUpMs: number;
}

export const DETECTION_OPTIONS = Symbol('DETECTION_OPTIONS');

export const DEFAULT_DETECTION_OPTIONS: DetectionOptions = {
  staleIntervals: 3,
  latencyBaseline: false,
  parentGraceMs: 15_000,
  queueMaxRows: 100_000,
  catchUpMs: 120_000,
};
