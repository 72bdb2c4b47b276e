/** A follower's notice that results became durable: from which node, and their earliest time. */
export interface ResultsNotice {
  node: string;
  fromMs: number;
}

export function formatResultsNotice(notice: ResultsNotice): string {
  return JSON.stringify({ node: notice.node, from: notice.fromMs });
}

/** Null for anything that is not a notice (the channel is open to any session of the database). */
export function parseResultsNotice(payload: string): ResultsNotice | null {
  try {
    const v = JSON.parse(payload) as { node?: unknown; from?: unknown };
    if (typeof v.node !== 'string' || typeof v.from !== 'number' || !Number.isFinite(v.from)) return null;
    return { node: v.node, fromMs: v.from };
  } catch {
    return null;
  }
}
