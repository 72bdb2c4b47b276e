/** Segment files: `<12-digit sequence>.jsonl`, one JSON value a line, read in sequence order. */
export const SEGMENT_SUFFIX = '.jsonl';
const SEGMENT_NAME = /^(\d{12})\.jsonl$/;

export function segmentFileName(sequence: number): string {
  return `${String(sequence).padStart(12, '0')}${SEGMENT_SUFFIX}`;
}

/** The sequence number of a segment file name, or undefined for anything else in the folder. */
export function parseSegmentFileName(name: string): number | undefined {
  const m = SEGMENT_NAME.exec(name);
  return m ? Number(m[1]) : undefined;
}

export interface ParsedSegment<T> {
  items: T[];
  /** Lines that were not valid JSON (a torn last line after a crash), skipped. */
  skipped: { line: number; reason: string }[];
}

/** Complete lines of a segment; an unterminated or unparsable line is skipped and reported. */
export function parseSegment<T>(text: string): ParsedSegment<T> {
  const items: T[] = [];
  const skipped: { line: number; reason: string }[] = [];
  const lines = text.split('\n');
  const last = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0) continue;
    if (i === last) {
      skipped.push({ line: i + 1, reason: 'unterminated last line (torn write)' });
      continue;
    }
    try {
      items.push(JSON.parse(line) as T);
    } catch (err) {
      skipped.push({ line: i + 1, reason: `not JSON: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  return { items, skipped };
}

/** Number of complete lines (one item each). */
export function countLines(buf: Buffer): number {
  let n = 0;
  let at = buf.indexOf(10);
  while (at !== -1) {
    n++;
    at = buf.indexOf(10, at + 1);
  }
  return n;
}
