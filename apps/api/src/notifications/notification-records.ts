import type { AgencyContact, AlertSeverity, IncidentCause, NotificationPolicy } from '@kuzet/contracts';
import type { AlertTransition, IncidentKind, IncidentState, LocalizedText } from '../incidents/incident-record';
import type { AlertContent, AlertIncident, AlertLanguage, ChannelKind } from './channels/notification-channel';

// Rows the notifier reads and writes (times in ms since epoch).

/** An agency with its contacts and policy. */
export interface AgencyPolicy {
  id: number;
  code: string;
  name: LocalizedText;
  contacts: AgencyContact[];
  policy: NotificationPolicy;
}

/** An alert intent not yet turned into notifications. */
export interface PendingIntent {
  id: number;
  incidentId: number;
  transition: AlertTransition;
  at: number;
}

/** An incident as the grouper sees it at flush time (its current state, not the intent's). */
export interface IncidentSnapshot {
  id: number;
  systemCode: string;
  systemName: LocalizedText;
  agencyId: number;
  agencyCode: string;
  kind: IncidentKind;
  rootIncidentId: number | null;
  /** Agency of the root incident, for symptoms. */
  rootAgencyId: number | null;
  alertable: boolean;
  severity: AlertSeverity;
  state: IncidentState;
  cause: IncidentCause | null;
  openedAt: number;
  resolvedAt: number | null;
  /** A firing message went out (and no resolution yet). */
  alerted: boolean;
  /** Its agency got the informational line already. */
  informed: boolean;
  /** Unresolved symptoms folded under it. */
  alsoAffected: AlertIncident['alsoAffected'];
}

/** A message to write: the outbox row's payload is either alert content or a plain notice. */
export type OutboxPayload = { content: AlertContent } | { notice: OutboxNotice };

/** A message written out in full when queued (agency notices, subscriber messages). */
export interface OutboxNotice {
  subject: string;
  text: string;
  html?: string;
  /** Extra e-mail headers (List-Unsubscribe for subscribers). */
  headers?: Record<string, string>;
  /** The webhook body's type and data, for a notice that goes to a webhook. */
  webhook?: { type: string; data: Record<string, unknown> };
}

/** Subscriber messages (apps/api/src/subscriptions) have no agency (agency_id NULL). */
export type OutboxKind = AlertContent['kind'] | 'endpoint_disabled' | 'subscription_confirm' | 'subscription_update';

export interface NewOutboxRow {
  idempotencyKey: string;
  /** null: a subscriber's message, not an agency contact's. */
  agencyId: number | null;
  kind: OutboxKind;
  level: number;
  incidentIds: number[];
  channel: ChannelKind;
  recipient: string;
  language: AlertLanguage;
  payload: OutboxPayload;
  nextAttemptAt: number;
  createdAt: number;
  /** Telegram "acknowledge" button data (see withAckTokens); never shown in the delivery log. */
  ackToken?: string | null;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';

export interface OutboxRecord extends NewOutboxRow {
  id: number;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  sentAt: number | null;
}

/** Markers the grouper sets: level 0 = alerted, -1 = informed (symptom's agency), n = escalated. */
export const INFORMED_LEVEL = -1;
