/** Tunables of the detector (AppConfig.detection: KUZET_DETECT_STALE_INTERVALS, KUZET_DETECT_LATENCY_BASELINE). */
export interface DetectionOptions {
  /** A region with no known result for this many check intervals abstains from the quorum. */
  staleIntervals: number;
  /** Learn a latency baseline (EWMA, hour-of-week) per check and region, besides degraded_ms. */
  latencyBaseline: boolean;
}

export const DETECTION_OPTIONS = Symbol('DETECTION_OPTIONS');

export const DEFAULT_DETECTION_OPTIONS: DetectionOptions = { staleIntervals: 3, latencyBaseline: false };
