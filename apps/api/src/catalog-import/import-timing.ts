import { kuzetDuration } from './import-durations';
import { ImportWarning } from './catalog-import.types';

const MAX_INTERVAL_S = 86_400;
const MAX_TIMEOUT_S = 300;

/**
 * A source interval and timeout made acceptable to Kuzet's catalog rules (minimum interval, at
 * most a day; timeout below the interval and at most 5 minutes), with a warning for each change.
 */
export function importTiming(
  entry: string,
  intervalS: number,
  timeoutS: number | undefined,
  minIntervalS: number,
  warnings: ImportWarning[],
): { interval: string; timeout?: string } {
  let interval = intervalS;
  if (interval < minIntervalS) {
    warnings.push({ entry, message: `interval ${kuzetDuration(intervalS)} is below Kuzet's minimum; raised to ${kuzetDuration(minIntervalS)}` });
    interval = minIntervalS;
  } else if (interval > MAX_INTERVAL_S) {
    warnings.push({ entry, message: `interval ${kuzetDuration(intervalS)} is above Kuzet's maximum; lowered to 1d` });
    interval = MAX_INTERVAL_S;
  }
  if (timeoutS === undefined || timeoutS <= 0) return { interval: kuzetDuration(interval) };
  const limit = Math.min(MAX_TIMEOUT_S, interval);
  if (timeoutS >= limit) {
    warnings.push({
      entry,
      message: `timeout ${kuzetDuration(timeoutS)} must be below the interval and at most 5m; left to Kuzet's default`,
    });
    return { interval: kuzetDuration(interval) };
  }
  return { interval: kuzetDuration(interval), timeout: kuzetDuration(timeoutS) };
}
