import type { PublicStatus } from '@kuzet/contracts';
import type {
  IncidentEventRecord,
  IncidentRecord,
  NewAlertIntent,
  NewIncident,
  NewIncidentEvent,
} from './incident-record';

/**
 * The incident writes and reads the lifecycle needs, bound to one transaction. Implemented in SQL
 * by IncidentsRepository and in memory by the unit tests' fake.
 */
export interface IncidentStore {
  /** Null when an incident with the same open_key exists (a replayed transition). */
  insertIncident(incident: NewIncident): Promise<IncidentRecord | null>;
  updateIncident(id: number, patch: Partial<Omit<IncidentRecord, 'id'>>): Promise<void>;
  getIncident(id: number, forUpdate?: boolean): Promise<IncidentRecord | undefined>;
  /** The system's most recent incident, whatever its state. */
  latestForSystem(systemId: number): Promise<IncidentRecord | undefined>;
  /** Unresolved symptoms linked to a root incident. */
  openSymptomsOf(rootId: number): Promise<IncidentRecord[]>;
  /** Unresolved incidents whose system recovered at or before `before`. */
  recoveredBefore(before: number): Promise<IncidentRecord[]>;
  /** False when the idempotency key was seen already (nothing was written). */
  addEvent(event: NewIncidentEvent): Promise<boolean>;
  events(incidentId: number): Promise<IncidentEventRecord[]>;
  /** Records a transition for the notifier (once per incident, transition and time). */
  addAlertIntent(intent: NewAlertIntent): Promise<void>;
}

/** The detector's state documents, written in the same transaction as incident changes. */
export interface DetectorStateWriter {
  save(entries: readonly { key: string; state: unknown }[]): Promise<void>;
}

/** One confirmed system status change (status null: no evidence). */
export interface StatusHistoryEntry {
  systemId: number;
  at: number;
  status: PublicStatus | null;
}

/** The confirmed status timeline uptime is computed from, written with the detector's state. */
export interface StatusHistoryWriter {
  record(entries: readonly StatusHistoryEntry[]): Promise<void>;
}

/** What one transaction offers: incidents, the detector's state and the status timeline. */
export interface IncidentsTx {
  incidents: IncidentStore;
  detectorState: DetectorStateWriter;
  statusHistory: StatusHistoryWriter;
}
