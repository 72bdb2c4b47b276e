import type { SessionProbe, SessionView } from '@kuzet/contracts/auth/auth-api';
import type { AgencyView, CheckView, SystemDetail, SystemView } from '@kuzet/contracts/catalog/catalog-api.dto';
import type { SystemStatusView } from '@kuzet/contracts/realtime/realtime-events';
import type { AgencyReportCard, AgencyScoreRow, SystemScoreDetail } from '@kuzet/contracts/scoring/score-views';
import type { DeliveryLogEntry, IncidentDetail, IncidentPage, LatencySeries, PublicUpdateBody, ResultsPage, UptimeReport } from './api-types';

/** The header name of libs/contracts auth-api.ts (CSRF_HEADER); repeated here to keep the bundle free of zod. */
const CSRF_HEADER = 'x-csrf-token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Thin fetch wrapper for the board: same-origin cookie session, CSRF header on every write. */
export class ApiClient {
  private csrf: string | null = null;

  constructor(private readonly base = '') {}

  setCsrf(token: string | null): void {
    this.csrf = token;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers[CSRF_HEADER] = this.csrf;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) {
      let message = res.statusText;
      try {
        const problem = (await res.json()) as { message?: string | string[] };
        if (problem.message) message = Array.isArray(problem.message) ? problem.message.join('; ') : problem.message;
      } catch {
        // not JSON
      }
      throw new ApiError(res.status, message);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(email: string, password: string): Promise<SessionView> {
    const s = await this.request<SessionView>('POST', '/api/auth/login', { email, password });
    this.csrf = s.csrf_token;
    return s;
  }
  /** The current session, or null when signed out: the probe answers 200 either way (no console error). */
  async me(): Promise<SessionView | null> {
    const probe = await this.request<SessionProbe>('GET', '/api/auth/session');
    if (!probe.signed_in) return null;
    const { signed_in: _signedIn, ...session } = probe;
    this.csrf = session.csrf_token;
    return session;
  }
  async logout(): Promise<void> {
    await this.request<void>('POST', '/api/auth/logout');
    this.csrf = null;
  }

  agencies = () => this.request<AgencyView[]>('GET', '/api/catalog/agencies');
  systems = () => this.request<SystemView[]>('GET', '/api/catalog/systems');
  system = (code: string) => this.request<SystemDetail>('GET', `/api/catalog/systems/${encodeURIComponent(code)}`);
  checks = (system: string) => this.request<CheckView[]>('GET', `/api/catalog/checks?system=${encodeURIComponent(system)}`);
  statuses = () => this.request<SystemStatusView[]>('GET', '/api/status/systems');

  incidents = (query: Record<string, string>) =>
    this.request<IncidentPage>('GET', `/api/incidents?${new URLSearchParams(query).toString()}`);
  incident = (id: number) => this.request<IncidentDetail>('GET', `/api/incidents/${id}`);
  ack = (id: number) => this.request<IncidentDetail>('POST', `/api/incidents/${id}/ack`);
  resolve = (id: number) => this.request<IncidentDetail>('POST', `/api/incidents/${id}/resolve`);
  note = (id: number, text: string) => this.request<IncidentDetail>('POST', `/api/incidents/${id}/notes`, { text });
  publicUpdate = (id: number, body: PublicUpdateBody) =>
    this.request<IncidentDetail>('POST', `/api/incidents/${id}/public-updates`, body);

  notifications = (incidentId: number) => this.request<DeliveryLogEntry[]>('GET', `/api/incidents/${incidentId}/notifications`);
  deadLetters = () => this.request<DeliveryLogEntry[]>('GET', '/api/notifications/dead-letters');
  retryNotification = (id: number) => this.request<void>('POST', `/api/notifications/${id}/retry`);

  uptime = (system: string, from: Date, granularity: 'day' | 'range') =>
    this.request<UptimeReport>(
      'GET',
      `/api/uptime/systems/${encodeURIComponent(system)}?from=${encodeURIComponent(from.toISOString())}&granularity=${granularity}`,
    );
  scoreRanking = () => this.request<AgencyScoreRow[]>('GET', '/api/scores/agencies');
  reportCard = (agency: string) => this.request<AgencyReportCard>('GET', `/api/scores/agencies/${encodeURIComponent(agency)}`);
  systemScore = (system: string) => this.request<SystemScoreDetail>('GET', `/api/scores/systems/${encodeURIComponent(system)}`);
  results = (checkId: number, limit = 20) => this.request<ResultsPage>('GET', `/api/checks/${checkId}/results?limit=${limit}`);
  latency = (checkId: number, from: Date) =>
    this.request<LatencySeries>('GET', `/api/checks/${checkId}/latency?from=${encodeURIComponent(from.toISOString())}`);
}

export const api = new ApiClient();
