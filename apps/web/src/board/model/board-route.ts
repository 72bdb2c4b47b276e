/** Board pages: /board, /board/systems/:code, /board/agencies/:code. */
export type BoardRoute =
  | { page: 'overview' }
  | { page: 'system'; code: string }
  | { page: 'agency'; code: string }
  | { page: 'unknown' };

export function parseBoardRoute(pathname: string): BoardRoute {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts[0] !== 'board') return { page: 'unknown' };
  if (parts.length === 1) return { page: 'overview' };
  if (parts.length === 3 && parts[1] === 'systems') return { page: 'system', code: decodeURIComponent(parts[2]) };
  if (parts.length === 3 && parts[1] === 'agencies') return { page: 'agency', code: decodeURIComponent(parts[2]) };
  return { page: 'unknown' };
}

export const systemPath = (code: string) => `/board/systems/${encodeURIComponent(code)}`;
export const agencyPath = (code: string) => `/board/agencies/${encodeURIComponent(code)}`;
