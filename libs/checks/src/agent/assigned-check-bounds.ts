import { AssignedCheck, MAX_CHECK_INTERVAL_S, MAX_CHECK_TIMEOUT_S } from '@kuzet/contracts';

const MAX_INTERVAL_MS = MAX_CHECK_INTERVAL_S * 1000;
const MAX_TIMEOUT_MS = MAX_CHECK_TIMEOUT_S * 1000;

/**
 * Why an agent cannot schedule this check (interval or timeout outside the catalog's bounds or
 * not finite), or undefined when it can. The catalog refuses such values; this guards rows
 * written before the bounds existed, so one bad check never stops the others.
 */
export function assignedCheckProblem(check: AssignedCheck, minIntervalMs: number): string | undefined {
  const { interval_ms: interval, timeout_ms: timeout } = check;
  if (!Number.isFinite(interval) || interval < minIntervalMs || interval > MAX_INTERVAL_MS) {
    return `interval ${interval} ms is outside ${minIntervalMs}..${MAX_INTERVAL_MS} ms`;
  }
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_MS) {
    return `timeout ${timeout} ms is outside 1..${MAX_TIMEOUT_MS} ms`;
  }
  return undefined;
}
