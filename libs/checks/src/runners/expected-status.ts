import type { CheckOptions } from '../check-run-result';

/** Inclusive status ranges; a single status is a range of one. */
export type StatusRanges = ReadonlyArray<readonly [number, number]>;

export const DEFAULT_EXPECTED_STATUS: StatusRanges = [[200, 399]];

/**
 * Reads options.expected_status: 200, "200-299", "2xx", or a list of these. Anything unreadable
 * falls back to the default rather than failing every run of a check the catalog accepted.
 */
export function parseExpectedStatus(option: CheckOptions['expected_status']): StatusRanges {
  if (option === undefined || option === null) return DEFAULT_EXPECTED_STATUS;
  const items = Array.isArray(option) ? option : [option];
  const ranges: Array<readonly [number, number]> = [];
  for (const item of items) {
    if (typeof item === 'number' && Number.isInteger(item)) {
      ranges.push([item, item]);
      continue;
    }
    const text = String(item).trim().toLowerCase();
    let m: RegExpExecArray | null;
    if ((m = /^(\d{3})$/.exec(text))) ranges.push([Number(m[1]), Number(m[1])]);
    else if ((m = /^(\d{3})\s*-\s*(\d{3})$/.exec(text))) ranges.push([Number(m[1]), Number(m[2])]);
    else if ((m = /^([1-5])xx$/.exec(text))) ranges.push([Number(m[1]) * 100, Number(m[1]) * 100 + 99]);
  }
  return ranges.length > 0 ? ranges : DEFAULT_EXPECTED_STATUS;
}

export function statusExpected(status: number, ranges: StatusRanges): boolean {
  return ranges.some(([from, to]) => status >= from && status <= to);
}

export function describeRanges(ranges: StatusRanges): string {
  return ranges.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(', ');
}
