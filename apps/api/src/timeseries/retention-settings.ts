import { AppConfig } from '../config/app-config';
import { ROLLUP_SPECS } from './rollup-resolution';

/**
 * Raw results must outlive the longest rollup lookback (plus a day), or a late result could
 * recompute a bucket from partly deleted raw rows. Configured values below are raised.
 */
export const MIN_RAW_RETENTION_DAYS =
  Math.ceil(Math.max(...Object.values(ROLLUP_SPECS).map((s) => s.lookbackMs)) / 86_400_000) + 1;

export interface RetentionSettings {
  rawDays: number;
  /** 1-minute rollups are kept as long as raw results (their resolution is close to raw). */
  minuteRollupDays: number;
  /** 1-hour and 1-day rollups. */
  rollupDays: number;
  compressAfterDays: number;
  /** Human-readable adjustments made to the configuration, for a warning line each. */
  adjustments: string[];
}

export function retentionSettings(
  config: Pick<AppConfig, 'rawRetentionDays' | 'rollupRetentionDays' | 'compressAfterDays'>,
): RetentionSettings {
  const adjustments: string[] = [];
  let rawDays = config.rawRetentionDays;
  if (rawDays < MIN_RAW_RETENTION_DAYS) {
    adjustments.push(
      `KUZET_RAW_RETENTION_DAYS=${rawDays} is below the ${MIN_RAW_RETENTION_DAYS}-day minimum (rollup lookback + 1 day); keeping raw results ${MIN_RAW_RETENTION_DAYS} days`,
    );
    rawDays = MIN_RAW_RETENTION_DAYS;
  }
  let rollupDays = config.rollupRetentionDays;
  if (rollupDays < rawDays) {
    adjustments.push(
      `KUZET_ROLLUP_RETENTION_DAYS=${rollupDays} is below the raw retention; keeping rollups ${rawDays} days`,
    );
    rollupDays = rawDays;
  }
  return {
    rawDays,
    minuteRollupDays: rawDays,
    rollupDays,
    compressAfterDays: config.compressAfterDays,
    adjustments,
  };
}
