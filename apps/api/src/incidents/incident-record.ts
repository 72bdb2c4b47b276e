import type { IncidentCause, IncidentFailureKind, PublicStatus, SystemTier } from '@kuzet/contracts';
import type { IncidentSeverity } from './incident-severity';

export type IncidentKind = 'root' | 'symptom';
export type IncidentState = 'open' | 'acknowledged' | 'resolved';
export const PUBLIC_INCIDENT_STATES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type PublicIncidentState = (typeof PUBLIC_INCIDENT_STATES)[number];
export const INCIDENT_STATES = ['open', 'acknowledged', 'resolved'] as const;

export type IncidentEventKind =
  | 'state_changed'
  | 'status_changed'
  | 'acknowledged'
  | 'resolved'
  | 'reopened'
  | 'note'
  | 'public_update'
  | 'linked_to_root'
  | 'promoted_to_root'
  | 'flapping_changed';

export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

/** One incident as stored (times in ms since epoch). */
export interface IncidentRecord {
  id: number;
  systemId: number;
  agencyId: number;
  kind: IncidentKind;
  rootIncidentId: number | null;
  /** False for symptoms: their parent's root incident alerts, they do not. */
  alertable: boolean;
  status: PublicStatus;
  severity: IncidentSeverity;
  state: IncidentState;
  publicState: PublicIncidentState;
  openedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  /** When the system recovered; the sweep resolves the incident a cooldown later. */
  recoveredAt: number | null;
  lastFailureAt: number;
  flapping: boolean;
  title: LocalizedText;
  openKey: string;
  /** What happened (the latest failure's kind while it lasts). */
  failureKind: IncidentFailureKind;
  /** Failing checks, regions and the first error in words, as of the latest failing change. */
  cause: IncidentCause | null;
  /** Wall-clock time the incident was created (the failure confirmed). */
  confirmedAt: number | null;
  /** Planned time of the first failing result. */
  firstFailureAt: number | null;
}

export type NewIncident = Omit<IncidentRecord, 'id'>;

export interface IncidentEventRecord {
  id: number;
  incidentId: number;
  kind: IncidentEventKind;
  at: number;
  /** 'detector', 'sweep', or the person / API client that acted. */
  actor: string;
  data: Record<string, unknown>;
  idempotencyKey: string | null;
}

export type NewIncidentEvent = Omit<IncidentEventRecord, 'id'>;

/**
 * A transition the notifier may have to tell someone about, written in the transaction of the
 * change (the transactional outbox); the notifier decides later whether and whom to alert.
 */
export type AlertTransition = 'opened' | 'resolved' | 'reopened' | 'promoted' | 'linked' | 'worsened';

export interface NewAlertIntent {
  incidentId: number;
  transition: AlertTransition;
  at: number;
}

/** Unique per incident, transition and time: a replayed transition writes no second intent. */
export function alertIntentKey(intent: NewAlertIntent): string {
  return `${intent.transition}:${intent.incidentId}:${intent.at}`;
}

/** What the incidents need to know of a system (from the catalog). */
export interface SystemRef {
  id: number;
  code: string;
  agencyId: number;
  agencyCode: string;
  tier: SystemTier;
  names: LocalizedText;
  /** Ids of the systems this one depends on (direct parents). */
  dependsOn: number[];
}

/** The dependency graph, as the detector's catalog snapshot has it. */
export interface SystemGraph {
  system(id: number): SystemRef | undefined;
  /** Direct dependents (children) of a system. */
  dependentsOf(id: number): number[];
}
