/**
 * Board pages: /board, /board/systems/:code, /board/agencies/:code, /board/agencies/:code/report,
 * /board/scores, /board/dead-letters.
 */
export type BoardRoute =
  | { page: 'overview' }
  | { page: 'system'; code: string }
  | { page: 'agency'; code: string }
  | { page: 'reportCard'; code: string }
  | { page: 'scores' }
  | { page: 'deadLetters' }
  | { page: 'unknown' };

export function parseBoardRoute(pathname: string): BoardRoute {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts[0] !== 'board') return { page: 'unknown' };
  if (parts.length === 1) return { page: 'overview' };
  if (parts.length === 2 && parts[1] === 'dead-letters') return { page: 'deadLetters' };
  if (parts.length === 2 && parts[1] === 'scores') return { page: 'scores' };
  if (parts.length === 4 && parts[1] === 'agencies' && parts[3] === 'report') return { page: 'reportCard', code: decodeURIComponent(parts[2]) };
  if (parts.length === 3 && parts[1] === 'systems') return { page: 'system', code: decodeURIComponent(parts[2]) };
  if (parts.length === 3 && parts[1] === 'agencies') return { page: 'agency', code: decodeURIComponent(parts[2]) };
  return { page: 'unknown' };
}

export const systemPath = (code: string) => `/board/systems/${encodeURIComponent(code)}`;
export const agencyPath = (code: string) => `/board/agencies/${encodeURIComponent(code)}`;
export const reportCardPath = (code: string) => `/board/agencies/${encodeURIComponent(code)}/report`;
export const DEAD_LETTERS_PATH = '/board/dead-letters';
export const SCORES_PATH = '/board/scores';

/** The incident an alert's link points at (/board?incident=<id>), if any. */
export function incidentFromSearch(search: string): number | null {
  const id = new URLSearchParams(search).get('incident');
  return id !== null && /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
}
