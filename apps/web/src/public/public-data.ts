import type {
  PublicIncidentPage,
  PublicIncidentView,
  PublicLanguage,
  PublicStatusSummary,
  PublicSystem,
  PublicUptime,
  PublicUptimeList,
} from '@kuzet/contracts/public/public-api.dto';
import type { PublicRoute } from './public-routes';

export const UPTIME_DAYS = 90;

/**
 * Where the public pages read from: the browser reads /api/public/v1 over HTTP, the server renders
 * from the status module in the same process (apps/api/src/web/public-page-data.ts). null: not
 * available (the page then says the status is loading and the client fills it in).
 */
export interface PublicDataSource {
  getSummary(): Promise<PublicStatusSummary | null>;
  getSystem(code: string): Promise<PublicSystem | null>;
  getUptime(code: string, days: number): Promise<PublicUptime | null>;
  /** Every public system's uptime in one read (the home page). */
  getUptimes(days: number): Promise<PublicUptimeList | null>;
  getIncident(id: number): Promise<PublicIncidentView | null>;
  getIncidents(cursor: string | null): Promise<PublicIncidentPage | null>;
}

/** Everything one public page draws: serialised into the server's HTML and hydrated from it. */
export interface PublicPageState {
  lang: PublicLanguage;
  route: PublicRoute;
  summary: PublicStatusSummary | null;
  /** Uptime per system code (the systems the page shows). */
  uptime: Record<string, PublicUptime>;
  system: PublicSystem | null;
  incident: PublicIncidentView | null;
  incidents: PublicIncidentPage | null;
  /** The data source answered nothing for this page (not the same as "no such system"). */
  missing: boolean;
}

const byCode = (rows: (PublicUptime | null)[]): Record<string, PublicUptime> =>
  Object.fromEntries(rows.filter((r): r is PublicUptime => r !== null).map((r) => [r.system, r]));

/**
 * Reads what a route needs; the same on the server (first paint) and in the browser (live
 * refresh). `keepUptime`: bars already drawn and recent enough, not read again (a live refresh
 * after each event needs the summary, not 90 days of history).
 */
export async function loadPublicPage(
  source: PublicDataSource,
  lang: PublicLanguage,
  route: PublicRoute,
  keepUptime?: Record<string, PublicUptime>,
): Promise<PublicPageState> {
  const state: PublicPageState = { lang, route, summary: null, uptime: {}, system: null, incident: null, incidents: null, missing: false };
  state.summary = await source.getSummary();
  switch (route.kind) {
    case 'home':
      if (state.summary) state.uptime = keepUptime ?? byCode((await source.getUptimes(UPTIME_DAYS))?.systems ?? []);
      state.missing = !state.summary;
      break;
    case 'system':
      state.system = await source.getSystem(route.code);
      if (state.system) state.uptime = keepUptime ?? byCode([await source.getUptime(route.code, UPTIME_DAYS)]);
      state.missing = !state.summary;
      break;
    case 'incident':
      state.incident = await source.getIncident(route.id);
      state.missing = !state.summary;
      break;
    case 'history':
      state.incidents = await source.getIncidents(route.cursor);
      state.missing = !state.incidents;
      break;
    case 'subscribe':
      state.missing = !state.summary;
      break;
    case 'not_found':
      break;
  }
  return state;
}
