/**
 * The paths of the public pages (apps/web/src/public/public-routes.ts parses them): `/`, and each
 * of these prefixes alone or with anything under it. The router, the fast path and the request
 * log's exclusions are all derived from this one list.
 */
const PUBLIC_PAGE_PREFIXES = ['status', 'kk', 'ru', 'en'];

/** Fastify route patterns. */
export const PUBLIC_PAGE_ROUTES = ['/', ...PUBLIC_PAGE_PREFIXES.flatMap((p) => [`/${p}`, `/${p}/*`])];

/** The same paths as one test of a URL's path. */
export const PUBLIC_PAGE_PATH = new RegExp(`^/((${PUBLIC_PAGE_PREFIXES.join('|')})(/.*)?)?$`);

/** Nest route paths (the pages are outside the /api prefix). */
export const PUBLIC_PAGE_NEST_PATHS = ['/', ...PUBLIC_PAGE_PREFIXES.flatMap((p) => [p, `${p}/{*rest}`])];
