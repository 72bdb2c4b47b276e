import type {
  PublicIncidentPage,
  PublicIncidentView,
  PublicStatusSummary,
  PublicSystem,
  PublicUptime,
  PublicUptimeList,
} from '@kuzet/contracts/public/public-api.dto';
import type { PublicDataSource } from './public-data';

export const PUBLIC_API_BASE = '/api/public/v1';

export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    path: string,
  ) {
    super(`GET ${path}: ${status}`);
  }
}

/**
 * The browser's client of /api/public/v1 (typed by the contract DTOs). A 404 reads as null (no
 * such system or incident); any other failure throws, so the page can say it could not load.
 */
export class PublicApiClient implements PublicDataSource {
  constructor(
    private readonly base = PUBLIC_API_BASE,
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a),
  ) {}

  getSummary = () => this.get<PublicStatusSummary>('/status');
  getSystem = (code: string) => this.get<PublicSystem>(`/systems/${encodeURIComponent(code)}`);
  getUptime = (code: string, days: number) => this.get<PublicUptime>(`/systems/${encodeURIComponent(code)}/uptime?days=${days}`);
  getUptimes = (days: number) => this.get<PublicUptimeList>(`/uptime?days=${days}`);
  getIncident = (id: number) => this.get<PublicIncidentView>(`/incidents/${id}`);
  getIncidents = (cursor: string | null) =>
    this.get<PublicIncidentPage>(`/incidents${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);

  private async get<T>(path: string): Promise<T | null> {
    // Revalidate every time (an ETag makes that a 304): the API's max-age is for caches between,
    // and a page told of a change must not read its own cached copy of the old state.
    const res = await this.fetchFn(`${this.base}${path}`, { headers: { accept: 'application/json' }, cache: 'no-cache' });
    if (res.status === 404) return null;
    if (!res.ok) throw new PublicApiError(res.status, path);
    return (await res.json()) as T;
  }
}
