import type { LocalizedText } from '../catalog/localized-text.schema';
import type { PublicStatus, SystemTier } from '../catalog/catalog-enums';
import type { IncidentCause, IncidentFailureKind } from '../incidents/incident-cause';

/** socket.io namespaces (path /socket.io). /board needs a session; /public carries public fields only. */
export const BOARD_NAMESPACE = '/board';
export const PUBLIC_NAMESPACE = '/public';
/** /board rooms: every event for admins, duty officers and viewers; an operator's agency only. */
export const NATIONAL_ROOM = 'national';
export const agencyRoom = (agency: string): string => `agency:${agency}`;

/** An incident on the board: the REST incident view, without the timeline. */
export interface BoardIncident {
  id: number;
  system: string;
  agency: string;
  kind: 'root' | 'symptom';
  root_incident_id: number | null;
  alertable: boolean;
  status: string;
  /** As the REST incident view has it: sev1 (critical tier, major outage) is the worst. */
  severity: 'sev1' | 'sev2' | 'sev3' | 'sev4';
  state: 'open' | 'acknowledged' | 'resolved';
  public_state: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  opened_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  recovered_at: string | null;
  last_failure_at: string;
  flapping: boolean;
  title: LocalizedText;
  /** What happened: outage, degraded or flapping (`kind` says root or symptom). */
  failure_kind: IncidentFailureKind;
  /**
   * Where it stands: failing; recovering ("recovered, monitoring": the system is back and the
   * incident resolves after a cooldown unless it fails again); resolved.
   */
  phase: 'failing' | 'recovering' | 'resolved';
  /** Which checks fail, from which regions, with the first error in words; null before it is known. */
  cause: IncidentCause | null;
  /** When the incident was created (the failure confirmed). */
  confirmed_at: string | null;
  /** Planned time of the first failing result. */
  first_failure_at: string | null;
}

/** An incident on the public stream: no internal state, notes, targets or error text. */
export interface PublicIncident {
  id: number;
  system: string;
  agency: string;
  status: string;
  public_state: BoardIncident['public_state'];
  opened_at: string;
  resolved_at: string | null;
  title: LocalizedText;
}

/** One system's current status (null: no data yet). */
export interface SystemStatusView {
  system: string;
  agency: string;
  tier: SystemTier;
  status: PublicStatus | null;
  flapping: boolean;
  updated_at: string | null;
}

/** Check results of one system over one summary period (throttled; never raw results). */
export interface SystemResultSummary {
  system: string;
  agency: string;
  up: number;
  degraded: number;
  down: number;
  unknown: number;
  latency_p50_ms: number | null;
  latency_max_ms: number | null;
}
export interface ResultSummaryBatch {
  from: string;
  to: string;
  systems: SystemResultSummary[];
}

export interface ScoreUpdate {
  agency: string;
  score: number;
  grade: string;
}

/** Payloads per event type, on /board. */
export interface BoardEventData {
  'incident.opened': BoardIncident;
  'incident.updated': BoardIncident;
  'incident.resolved': BoardIncident;
  'system.status': SystemStatusView;
  'results.summary': ResultSummaryBatch;
  'score.updated': ScoreUpdate;
}
/** Payloads per event type, on /public (no result summaries, no scores, public fields only). */
export interface PublicEventData {
  'incident.opened': PublicIncident;
  'incident.updated': PublicIncident;
  'incident.resolved': PublicIncident;
  'system.status': Omit<SystemStatusView, 'flapping'>;
}

/**
 * Every event carries the stream's epoch (changes when the server restarts) and a sequence number
 * that grows by one per event of the namespace. A room sees a subset, so gaps are normal there;
 * a client applies an event only when its seq is above the last one it applied.
 */
export interface Sequenced<T extends string, D> {
  type: T;
  epoch: string;
  seq: number;
  at: string;
  data: D;
}
export type EventOf<M> = { [K in keyof M & string]: Sequenced<K, M[K]> }[keyof M & string];
export type BoardEvent = EventOf<BoardEventData>;
export type PublicEvent = EventOf<PublicEventData>;

/** Everything a client needs to draw the screen from nothing; later events apply on top of it. */
export interface BoardSnapshot {
  epoch: string;
  seq: number;
  at: string;
  systems: SystemStatusView[];
  incidents: BoardIncident[];
}
export interface PublicSnapshot {
  epoch: string;
  seq: number;
  at: string;
  systems: Omit<SystemStatusView, 'flapping'>[];
  incidents: PublicIncident[];
}

/** Sent by a client on every connect: what it last applied (nothing on the first connect). */
export interface SyncRequest {
  epoch?: string;
  last_seq?: number;
}
/** Either the missed events, oldest first, or a fresh snapshot when they are no longer kept. */
export type SyncResponse<E, S> = { mode: 'replay'; epoch: string; events: E[] } | { mode: 'snapshot'; snapshot: S };

/** The typed socket.io event maps (server -> client: each event type; client -> server: sync). */
export type BoardServerToClientEvents = {
  [K in keyof BoardEventData]: (event: Sequenced<K, BoardEventData[K]>) => void;
};
export interface BoardClientToServerEvents {
  sync: (request: SyncRequest, ack: (response: SyncResponse<BoardEvent, BoardSnapshot>) => void) => void;
}
export type PublicServerToClientEvents = {
  [K in keyof PublicEventData]: (event: Sequenced<K, PublicEventData[K]>) => void;
};
export interface PublicClientToServerEvents {
  sync: (request: SyncRequest, ack: (response: SyncResponse<PublicEvent, PublicSnapshot>) => void) => void;
}
