const UNIT_S: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** A Go duration ("30s", "1m30s", "1.5h") in seconds; undefined when it is not one. */
export function goDurationSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(trimmed)) !== null) {
    total += Number(m[1]) * UNIT_S[m[2]];
    matched = re.lastIndex;
  }
  return matched === trimmed.length && matched > 0 ? total : undefined;
}

/** Seconds as Kuzet writes them: whole seconds, or milliseconds below one second. */
export function kuzetDuration(seconds: number): string {
  if (Number.isInteger(seconds)) return `${seconds}s`;
  return `${Math.round(seconds * 1000)}ms`;
}
