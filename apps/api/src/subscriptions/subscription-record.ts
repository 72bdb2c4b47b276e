import type { LocalizedText } from '../incidents/incident-record';

export type SubscriptionLanguage = 'kk' | 'ru' | 'en';
export type SubscriptionChannel = 'email' | 'webhook';
export type SubscriptionState = 'pending' | 'active' | 'unsubscribed';

/** What a subscription follows: everything, one public system or one agency's public systems. */
export type SubscriptionScope = { kind: 'all' } | { kind: 'system'; systemId: number } | { kind: 'agency'; agencyId: number };

/** One subscription as stored (times in ms since epoch). */
export interface SubscriptionRecord {
  id: number;
  channel: SubscriptionChannel;
  address: string;
  scope: SubscriptionScope;
  language: SubscriptionLanguage;
  state: SubscriptionState;
  confirmExpiresAt: number | null;
  unsubscribeToken: string;
}

/** A subscriber an incident event goes to. */
export interface Subscriber {
  id: number;
  channel: SubscriptionChannel;
  address: string;
  language: SubscriptionLanguage;
  unsubscribeToken: string;
}

/** What subscribers are told about: the incident changes citizens see. */
export type PublicIncidentEventKind = 'opened' | 'reopened' | 'public_update' | 'resolved';

/** One incident event with the public fields only (no target, error, severity or note). */
export interface PublicIncidentEvent {
  eventId: number;
  kind: PublicIncidentEventKind;
  at: number;
  incidentId: number;
  systemId: number;
  systemCode: string;
  systemName: LocalizedText;
  agencyId: number;
  agencyCode: string;
  agencyName: LocalizedText;
  title: LocalizedText;
  publicState: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  /** The public update's text (public_update events only). */
  updateText: LocalizedText | null;
  openedAt: number;
  resolvedAt: number | null;
}
