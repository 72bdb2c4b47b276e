import type { LocalizedText } from '@kuzet/contracts/catalog/localized-text.schema';
import type { TlsDetails } from '@kuzet/contracts/checks/tls-details';
import type { BoardIncident } from '@kuzet/contracts/realtime/realtime-events';

export type { TlsDetails };

// REST shapes the board reads that have no shared contract yet; mirrored from the API's
// controllers (apps/api/src/incidents/http/incidents.dto.ts, probing/history, uptime, timeseries).

export interface IncidentPage {
  items: BoardIncident[];
  next_cursor: string | null;
}

export interface IncidentTimelineEntry {
  id: number;
  kind: string;
  at: string;
  actor: string;
  data: Record<string, unknown>;
}
export interface IncidentDetail extends BoardIncident {
  timeline: IncidentTimelineEntry[];
}

export interface PublicUpdateBody {
  public_state: BoardIncident['public_state'];
  text: LocalizedText;
}

export interface ConditionResult {
  condition: string;
  success: boolean;
  actual?: string;
  error?: string;
}

export interface ResultView {
  time: string;
  region: string;
  outcome: number;
  latency_ms: number | null;
  status_code: number | null;
  error_class: string | null;
  error_message?: string | null;
  conditions?: ConditionResult[];
  details?: { tls?: TlsDetails; [k: string]: unknown };
}
export interface ResultsPage {
  check_id: number;
  results: ResultView[];
  next: { before: string; before_region: string } | null;
}

/** GET /api/checks/:id/latency: RollupSeries serialised (camelCase fields, ISO buckets). */
export interface LatencyPoint {
  bucket: string;
  region: string;
  total: number;
  latencyP50: number | null;
  latencyP95: number | null;
}
export interface LatencySeries {
  resolution: string;
  from: string;
  to: string;
  points: LatencyPoint[];
}

export interface UptimeEntry {
  uptime: number | null;
  minutes: Record<string, number>;
}
export interface UptimeReport {
  from: string;
  to: string;
  granularity: 'day' | 'range';
  resolution: string;
  days: ({ date: string } & UptimeEntry)[];
  total: UptimeEntry;
}

/** One notification in an incident's delivery log (apps/api/src/notifications/http/notifications.dto.ts). */
export interface DeliveryLogEntry {
  id: number;
  idempotency_key: string;
  agency_id: number;
  kind: 'firing' | 'resolved' | 'escalation' | 'informational' | 'repeat' | 'endpoint_disabled';
  level: number;
  incident_ids: number[];
  channel: 'email' | 'webhook' | 'telegram';
  recipient: string;
  language: 'kk' | 'ru' | 'en';
  subject: string;
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'dead';
  attempts: number;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string;
  sent_at: string | null;
}
